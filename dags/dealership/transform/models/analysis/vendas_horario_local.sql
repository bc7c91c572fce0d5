{# Sales with their date in business time: what the time analyses bucket. Inlined, not built. #}
{{ config(materialized='ephemeral') }}
select
  venda_id,
  valor_venda,
  {{ business_time('data_venda') }} as data_venda_local
from {{ ref('fct_vendas') }}
where data_venda is not null
