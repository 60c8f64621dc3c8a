-- Project execution by department: projects, budget, executed and the overall execution rate.
select
    department,
    fiscal_year,
    count(*) as projects,
    round(sum(budget_yuan) / 10000, 2) as budget_wan,
    round(sum(executed_yuan) / 10000, 2) as executed_wan,
    round(100 * sum(executed_yuan) / nullif(sum(budget_yuan), 0), 2) as execution_rate_pct
from mart.project_performance
where budget_yuan is not null and executed_yuan is not null
group by department, fiscal_year
order by execution_rate_pct
