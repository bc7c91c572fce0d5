with source as (
  select * from {{ source('sources', 'veiculos') }}
)
select
  id_veiculos,
  nome,
  tipo,
  cast(valor as decimal(10, 2)) as valor,
  coalesce(data_atualizacao, current_timestamp) as data_atualizacao,
  data_inclusao
from source
