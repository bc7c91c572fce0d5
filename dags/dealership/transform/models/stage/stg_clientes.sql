with source as (
  select * from {{ source('sources', 'clientes') }}
)
select
  id_clientes,
  {{ initcap('cliente') }} as cliente,
  trim(endereco) as endereco,
  id_concessionarias,
  data_inclusao,
  coalesce(data_atualizacao, data_inclusao) as data_atualizacao
from source
