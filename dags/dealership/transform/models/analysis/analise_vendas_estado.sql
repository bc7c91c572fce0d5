{# Every state, with zeros where nothing was sold (the dashboards' map shows them all). #}
select
  e.estado_id,
  e.nome_estado as estado,
  e.sigla,
  e.regiao,
  count(f.venda_id) as quantidade,
  coalesce(sum(f.valor_venda), 0) as total,
  avg(f.valor_venda) as valor_medio
from {{ ref('dim_estados') }} e
left join {{ ref('dim_cidades') }} ci on ci.estado_id = e.estado_id
left join {{ ref('dim_concessionarias') }} c on c.cidade_id = ci.cidade_id
left join {{ ref('fct_vendas') }} f on f.concessionaria_id = c.concessionaria_id
group by e.estado_id, e.nome_estado, e.sigla, e.regiao
order by total desc, estado
