-- Year-over-year change of each department's headline spending (final reports).
select
    current_year.canonical_department,
    current_year.fiscal_year,
    current_year.expense_total_yuan,
    previous_year.expense_total_yuan as previous_expense_total_yuan,
    current_year.expense_total_yuan - previous_year.expense_total_yuan as change_yuan
from mart.department_headlines as current_year
left join mart.department_headlines as previous_year
    on
        current_year.canonical_department = previous_year.canonical_department
        and current_year.phase = previous_year.phase
        and current_year.fiscal_year = previous_year.fiscal_year + 1
where current_year.phase = 'final'
order by current_year.canonical_department, current_year.fiscal_year
