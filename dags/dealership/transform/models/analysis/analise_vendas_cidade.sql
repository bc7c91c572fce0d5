{# Every city with a dealership, with zeros where nothing was sold. #}
select
  ci.cidade_id,
  ci.nome_cidade as cidade,
  e.nome_estado as estado,
  e.sigla,
  count(f.venda_id) as quantidade,
  coalesce(sum(f.valor_venda), 0) as total,
  avg(f.valor_venda) as valor_medio
from {{ ref('dim_cidades') }} ci
inner join {{ ref('dim_estados') }} e on ci.estado_id = e.estado_id
inner join {{ ref('dim_concessionarias') }} c on c.cidade_id = ci.cidade_id
left join {{ ref('fct_vendas') }} f on f.concessionaria_id = c.concessionaria_id
group by ci.cidade_id, ci.nome_cidade, e.nome_estado, e.sigla
order by total desc, cidade
