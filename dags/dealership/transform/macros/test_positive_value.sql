{# A custom generic test (cfneves' positive_value): the rows whose value is zero or negative. #}
{% test positive_value(model, column_name) %}
select *
from {{ model }}
where {{ column_name }} <= 0
{% endtest %}
