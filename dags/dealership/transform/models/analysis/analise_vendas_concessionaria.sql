select
  c.concessionaria_id,
  c.nome_concessionaria as concessionaria,
  ci.nome_cidade as cidade,
  e.nome_estado as estado,
  count(f.venda_id) as quantidade,
  sum(f.valor_venda) as total,
  avg(f.valor_venda) as valor_medio
from {{ ref('fct_vendas') }} f
inner join {{ ref('dim_concessionarias') }} c on f.concessionaria_id = c.concessionaria_id
inner join {{ ref('dim_cidades') }} ci on c.cidade_id = ci.cidade_id
inner join {{ ref('dim_estados') }} e on ci.estado_id = e.estado_id
group by c.concessionaria_id, c.nome_concessionaria, ci.nome_cidade, e.nome_estado
order by total desc
