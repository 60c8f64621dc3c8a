-- mart.expenditure_structure: one row per department × fiscal year × phase × 类,
-- with the 类's share of the department's spending by class.
with

classes as (
    select * from mart.expenditure_by_function
    where class_level = '类'
),

departments as (
    select * from core.department_identity
),

final as (
    select
        departments.canonical_department,
        classes.department,
        classes.region,
        classes.fiscal_year,
        classes.phase,
        classes.class_code,
        classes.class_name,
        classes.amount_yuan,
        classes.share_pct as printed_share_pct,
        round(
            100 * classes.amount_yuan
            / nullif(sum(classes.amount_yuan) over (partition by classes.document_id), 0),
            2
        ) as share_pct,
        classes.document_id
    from classes
    inner join departments
        on
            classes.department = departments.department_name
            and classes.region is not distinct from departments.region
)

select * from final
