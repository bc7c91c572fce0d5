with source as (
  select * from {{ source('sources', 'concessionarias') }}
)
select
  id_concessionarias,
  trim(concessionaria) as nome_concessionaria,
  id_cidades,
  data_inclusao,
  coalesce(data_atualizacao, data_inclusao) as data_atualizacao
from source
