// dbt's own generic tests (dbt-core's default__test_* macros), as macros the project may
// override with a {% test %} block of the same name. Each returns the failing rows.
import type { MacroFile } from "../project/loadProject";

const SQL = `{% macro test_not_null(model, column_name) %}
select {{ column_name }}
from {{ model }}
where {{ column_name }} is null
{% endmacro %}

{% macro test_unique(model, column_name) %}
select {{ column_name }} as unique_field, count(*) as n_records
from {{ model }}
where {{ column_name }} is not null
group by {{ column_name }}
having count(*) > 1
{% endmacro %}

{% macro test_accepted_values(model, column_name, values, quote=true) %}
with all_values as (
  select {{ column_name }} as value_field, count(*) as n_records
  from {{ model }}
  group by {{ column_name }}
)
select *
from all_values
where value_field not in (
  {%- for value in values -%}
  {%- if quote %}'{{ value | string | replace("'", "''") }}'{% else %}{{ value }}{% endif -%}
  {%- if not loop.last %}, {% endif -%}
  {%- endfor -%}
)
{% endmacro %}

{% macro test_relationships(model, column_name, to, field) %}
with child as (
  select {{ column_name }} as from_field
  from {{ model }}
  where {{ column_name }} is not null
),
parent as (
  select {{ field }} as to_field
  from {{ to }}
)
select from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
{% endmacro %}
`;

/** The built-in generic tests, loaded before the project's macros (which may replace them). */
export const BUILTIN_TESTS: MacroFile = {
  path: "<updraft>/generic_tests.sql",
  sql: SQL,
  macros: ["test_not_null", "test_unique", "test_accepted_values", "test_relationships"],
};
