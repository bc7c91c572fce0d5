{# The history of the vehicles' list prices (SCD type 2): a price correction closes the old
   row (dbt_valid_to) and opens a new one, so a sale can be compared with the price it was
   listed at. Timestamp strategy on the time the source row last changed. #}
{% snapshot snap_veiculos_precos %}
{{ config(
    target_schema='snapshots',
    unique_key='id_veiculos',
    strategy='timestamp',
    updated_at='atualizado_em'
) }}
select
  id_veiculos,
  nome,
  tipo,
  cast(valor as decimal(10, 2)) as valor,
  coalesce(data_atualizacao, data_inclusao) as atualizado_em
from {{ source('sources', 'veiculos') }}
{% endsnapshot %}
