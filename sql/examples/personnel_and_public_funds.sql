-- 人员经费 and 公用经费 by department: each report's 基本支出 by economic class (the 类 rows of the
-- 一般公共预算 scope), and the share of it that pays people.
select
    department,
    fiscal_year,
    phase,
    round(sum(amount_yuan) / 10000, 2) as basic_wan,
    round(sum(personnel_yuan) / 10000, 2) as personnel_wan,
    round(sum(public_funds_yuan) / 10000, 2) as public_funds_wan,
    round(100 * sum(personnel_yuan) / nullif(sum(amount_yuan), 0), 2) as personnel_share_pct
from mart.expenditure_by_economic_class
where
    class_level = '类'
    and fund_scope = 'general_budget'
group by department, fiscal_year, phase
order by personnel_share_pct desc nulls last
