-- mart.three_public_comparison: one row per department × fiscal year × phase × 三公 category,
-- with its share of the department's spending, its rank in the same region, year and phase,
-- and the change against the same department's previous year when both years are loaded.
with

three as (
    select * from mart.three_public
),

departments as (
    select * from core.department_identity
),

spending as (
    select
        document_id,
        amount_yuan as expense_total_yuan
    from mart.summary_items
    where item = 'expense_total'
),

joined as (
    select
        departments.canonical_department,
        three.department,
        three.region,
        three.fiscal_year,
        three.phase,
        three.category,
        three.category_label,
        three.amount_yuan,
        spending.expense_total_yuan,
        three.document_id
    from three
    inner join departments
        on
            three.department = departments.department_name
            and three.region is not distinct from departments.region
    left join spending on three.document_id = spending.document_id
),

final as (
    select
        joined.canonical_department,
        joined.department,
        joined.region,
        joined.fiscal_year,
        joined.phase,
        joined.category,
        joined.category_label,
        joined.amount_yuan,
        round(100 * joined.amount_yuan / nullif(joined.expense_total_yuan, 0), 4) as share_of_spending_pct,
        rank() over (
            partition by joined.region, joined.fiscal_year, joined.phase, joined.category
            order by joined.amount_yuan desc nulls last
        ) as rank_in_region,
        previous.amount_yuan as previous_year_amount_yuan,
        joined.amount_yuan - previous.amount_yuan as change_yuan,
        round(100 * (joined.amount_yuan - previous.amount_yuan) / nullif(previous.amount_yuan, 0), 2) as change_pct,
        joined.document_id
    from joined
    left join joined as previous
        on
            joined.canonical_department = previous.canonical_department
            and joined.phase = previous.phase
            and joined.category = previous.category
            and joined.fiscal_year = previous.fiscal_year + 1
)

select * from final
