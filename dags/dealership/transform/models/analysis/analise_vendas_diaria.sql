{# Per day of the business calendar. #}
select
  cast(data_venda_local as date) as dia_venda,
  count(venda_id) as numero_vendas,
  sum(valor_venda) as total_vendas,
  avg(valor_venda) as valor_medio_venda
from {{ ref('vendas_horario_local') }}
group by cast(data_venda_local as date)
order by dia_venda
