{# Per month of the business calendar (var business_timezone). #}
select
  date_trunc('month', data_venda_local) as mes_venda,
  count(venda_id) as numero_vendas,
  sum(valor_venda) as total_vendas,
  avg(valor_venda) as valor_medio_venda
from {{ ref('vendas_horario_local') }}
group by date_trunc('month', data_venda_local)
order by mes_venda
