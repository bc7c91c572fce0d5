{# Snowflake's and Postgres' INITCAP: every word capitalised ("Rio De Janeiro"); DuckDB has no
   INITCAP, so there a word starts after any character that is not a letter or digit. #}
{% macro initcap(expression) -%}
{%- if target.type == 'duckdb' -%}
array_to_string(list_transform(range(1, length({{ expression }}) + 1), i ->
  case when i = 1 or not regexp_matches(substr({{ expression }}, i - 1, 1), '[[:alnum:]]')
  then upper(substr({{ expression }}, i, 1)) else lower(substr({{ expression }}, i, 1)) end), '')
{%- else -%}
initcap({{ expression }})
{%- endif -%}
{%- endmacro %}
