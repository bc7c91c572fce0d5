with source as (
  select * from {{ source('sources', 'vendedores') }}
)
select
  id_vendedores,
  {{ initcap('nome') }} as nome_vendedor,
  id_concessionarias,
  data_inclusao,
  coalesce(data_atualizacao, data_inclusao) as data_atualizacao
from source
