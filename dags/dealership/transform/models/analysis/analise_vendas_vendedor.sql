{# The salesperson's home dealership (dim_vendedores), not the sale's — as the seeds report. #}
select
  vd.vendedor_id,
  vd.nome_vendedor as vendedor,
  c.nome_concessionaria as concessionaria,
  count(f.venda_id) as quantidade,
  sum(f.valor_venda) as total,
  avg(f.valor_venda) as valor_medio
from {{ ref('fct_vendas') }} f
inner join {{ ref('dim_vendedores') }} vd on f.vendedor_id = vd.vendedor_id
inner join {{ ref('dim_concessionarias') }} c on vd.concessionaria_id = c.concessionaria_id
group by vd.vendedor_id, vd.nome_vendedor, c.nome_concessionaria
order by total desc
