-- mart.budget_vs_final: one row per department × fiscal year × figure stated in both the budget
-- report (预算) and the final report (决算): budgeted, spent, and the execution rate.
with

items as (
    select
        department,
        fiscal_year,
        phase,
        document_id,
        'summary_item' as figure_kind,
        item as figure_code,
        item_label as figure_name,
        amount_yuan
    from mart.summary_items
),

three as (
    select
        department,
        fiscal_year,
        phase,
        document_id,
        'three_public' as figure_kind,
        category as figure_code,
        category_label as figure_name,
        amount_yuan
    from mart.three_public
),

classes as (
    select
        department,
        fiscal_year,
        phase,
        document_id,
        'function_class' as figure_kind,
        class_code as figure_code,
        coalesce(xiang_name, kuan_name, class_name) as figure_name,
        amount_yuan
    from mart.expenditure_by_function
    where class_code is not null
),

projects as (
    select
        department,
        fiscal_year,
        phase,
        document_id,
        'project' as figure_kind,
        project as figure_code,
        project as figure_name,
        case when phase = 'budget' then budget_yuan else executed_yuan end as amount_yuan
    from mart.project_performance
),

figures as (
    select * from items
    union all
    select * from three
    union all
    select * from classes
    union all
    select * from projects
),

departments as (
    select * from core.department_identity
),

canonical as (
    select
        figures.*,
        departments.canonical_department
    from figures
    inner join departments on figures.department = departments.department_name
),

final as (
    select
        budget.canonical_department,
        budget.fiscal_year,
        budget.figure_kind,
        budget.figure_code,
        budget.figure_name,
        budget.amount_yuan as budgeted_yuan,
        spent.amount_yuan as spent_yuan,
        round(100 * spent.amount_yuan / nullif(budget.amount_yuan, 0), 2) as execution_rate_pct,
        budget.document_id as budget_document_id,
        spent.document_id as final_document_id
    from canonical as budget
    inner join canonical as spent
        on
            budget.canonical_department = spent.canonical_department
            and budget.fiscal_year = spent.fiscal_year
            and budget.figure_kind = spent.figure_kind
            and budget.figure_code = spent.figure_code
    where budget.phase = 'budget' and spent.phase = 'final'
)

select * from final
