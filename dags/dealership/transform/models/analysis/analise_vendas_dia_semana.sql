{# Per weekday of the business calendar: 0 = Sunday … 6 = Saturday. #}
{% set nomes = ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'] %}
select
  extract(dow from data_venda_local) as dia_semana,
  case extract(dow from data_venda_local)
  {%- for nome in nomes %}
    when {{ loop.index0 }} then '{{ nome }}'
  {%- endfor %}
  end as nome_dia_semana,
  count(venda_id) as numero_vendas,
  sum(valor_venda) as total_vendas,
  avg(valor_venda) as valor_medio_venda
from {{ ref('vendas_horario_local') }}
group by extract(dow from data_venda_local)
order by dia_semana
