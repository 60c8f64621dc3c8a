-- core.department_identity: one row per published department name, with the canonical department
-- it belongs to (reference/departments.csv). The one place that decides department identity.
select
    department_id,
    department_name,
    nullif(region_name, '') as region,
    coalesce(canonical_name, department_name) as canonical_department
from core.dim_department
