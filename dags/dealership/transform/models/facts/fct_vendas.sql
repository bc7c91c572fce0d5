{#
  One row per sale. Incremental, merged on venda_id: a run takes the sales changed since the
  newest one already here, and also any sale not here yet — the seeds' `venda_id > max` filter
  dropped updated sales and, because the joins to the dimensions filter, dropped for good a sale
  whose dimension row arrived after it; both are picked up here on a later run.
#}
{{ config(materialized='incremental', unique_key='venda_id', incremental_strategy='merge') }}

select
  v.id_vendas as venda_id,
  v.id_veiculos as veiculo_id,
  v.id_concessionarias as concessionaria_id,
  v.id_vendedores as vendedor_id,
  v.id_clientes as cliente_id,
  v.valor_venda,
  v.data_venda,
  v.data_inclusao,
  v.data_atualizacao
from {{ ref('stg_vendas') }} v
inner join {{ ref('dim_veiculos') }} ve on v.id_veiculos = ve.veiculo_id
inner join {{ ref('dim_concessionarias') }} c on v.id_concessionarias = c.concessionaria_id
inner join {{ ref('dim_vendedores') }} vd on v.id_vendedores = vd.vendedor_id
inner join {{ ref('dim_clientes') }} cl on v.id_clientes = cl.cliente_id
{% if is_incremental() %}
where v.data_atualizacao > (select max(data_atualizacao) from {{ this }})
   or not exists (select 1 from {{ this }} f where f.venda_id = v.id_vendas)
{% endif %}
