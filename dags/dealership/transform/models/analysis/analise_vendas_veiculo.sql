select
  v.veiculo_id,
  v.nome_veiculo as veiculo,
  v.tipo,
  v.valor_sugerido,
  count(f.venda_id) as quantidade,
  sum(f.valor_venda) as total,
  avg(f.valor_venda) as valor_medio
from {{ ref('fct_vendas') }} f
inner join {{ ref('dim_veiculos') }} v on f.veiculo_id = v.veiculo_id
group by v.veiculo_id, v.nome_veiculo, v.tipo, v.valor_sugerido
order by quantidade desc
