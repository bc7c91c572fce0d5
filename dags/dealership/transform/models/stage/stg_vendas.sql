with source as (
  select * from {{ source('sources', 'vendas') }}
)
select
  id_vendas,
  id_veiculos,
  id_concessionarias,
  id_vendedores,
  id_clientes,
  cast(valor_pago as decimal(10, 2)) as valor_venda,
  data_venda,
  data_inclusao,
  coalesce(data_atualizacao, data_venda) as data_atualizacao
from source
