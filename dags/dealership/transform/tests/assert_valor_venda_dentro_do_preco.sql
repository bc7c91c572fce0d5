{# The seeds' price rule (tests/test.sql): a sale pays at most the vehicle's list price, and at
   least min_price_ratio of it (a discount of at most 5 %). Returns the sales that break it. #}
select
  f.venda_id,
  f.valor_venda,
  v.valor_sugerido
from {{ ref('fct_vendas') }} f
inner join {{ ref('dim_veiculos') }} v on f.veiculo_id = v.veiculo_id
where f.valor_venda > v.valor_sugerido
   or f.valor_venda < {{ var('min_price_ratio') }} * v.valor_sugerido
