{# A timestamp with time zone as wall-clock time in the business time zone (var
   business_timezone), so sales are bucketed by the dealerships' own calendar, not UTC's. #}
{% macro business_time(expression) -%}
{%- set zone = var('business_timezone') -%}
{%- if target.type == 'snowflake' -%}
convert_timezone('{{ zone }}', {{ expression }})
{%- elif target.type == 'postgres' -%}
({{ expression }} at time zone '{{ zone }}')
{%- else -%}
timezone('{{ zone }}', {{ expression }})
{%- endif -%}
{%- endmacro %}
