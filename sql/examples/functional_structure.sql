-- Functional structure: each department's spending by 类 with its share, largest 类 first.
select
    canonical_department,
    fiscal_year,
    phase,
    class_code,
    class_name,
    round(amount_yuan / 10000, 2) as amount_wan,
    share_pct
from mart.expenditure_structure
order by canonical_department asc, fiscal_year asc, amount_yuan desc nulls last
