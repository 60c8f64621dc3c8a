-- mart.expenditure_structure: one row per department × fiscal year × phase × 类,
-- with the 类's share of the department's spending by class. A report that states its classes
-- in several fund scopes is read in one: the most preferred it states at 类 level
-- (core.fund_scope_preference: general_budget, else fiscal, else all).
with

preferences as (
    select * from core.fund_scope_preference
),

stated as (
    select
        classes.*,
        preferences.preference
    from mart.expenditure_by_function as classes
    inner join preferences on classes.fund_scope = preferences.fund_scope
    where classes.class_level = '类'
),

chosen as (
    select
        document_id,
        min(preference) as preference
    from stated
    group by document_id
),

classes as (
    select stated.*
    from stated
    inner join chosen
        on
            stated.document_id = chosen.document_id
            and stated.preference = chosen.preference
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
        classes.document_id,
        classes.fund_scope
    from classes
    inner join departments
        on
            classes.department = departments.department_name
            and classes.region is not distinct from departments.region
)

select * from final
