select
  e.id_estados as estado_id,
  e.estado as nome_estado,
  e.sigla,
  r.regiao,
  e.data_inclusao,
  e.data_atualizacao
from {{ ref('stg_estados') }} e
left join {{ ref('regioes') }} r on r.sigla = e.sigla
