-- mart.budget_vs_final: one row per department × fiscal year × figure stated in both the budget
-- report (预算) and the final report (决算): budgeted, spent, and the execution rate.
-- Functional classes are compared in one fund scope per pair of reports, the same on both sides:
-- the most preferred scope both reports state (core.fund_scope_preference: general_budget, else
-- fiscal, else all), so a class stated in several scopes is compared once.
with

items as (
    select
        department,
        region,
        fiscal_year,
        phase,
        document_id,
        'summary_item' as figure_kind,
        item as figure_code,
        item_label as figure_name,
        amount_yuan,
        null as fund_scope
    from mart.summary_items
),

three as (
    select
        department,
        region,
        fiscal_year,
        phase,
        document_id,
        'three_public' as figure_kind,
        category as figure_code,
        category_label as figure_name,
        amount_yuan,
        null as fund_scope
    from mart.three_public
),

classes as (
    select
        department,
        region,
        fiscal_year,
        phase,
        document_id,
        'function_class' as figure_kind,
        class_code as figure_code,
        coalesce(xiang_name, kuan_name, class_name) as figure_name,
        amount_yuan,
        fund_scope
    from mart.expenditure_by_function
    where class_code is not null
),

projects as (
    select
        department,
        region,
        fiscal_year,
        phase,
        document_id,
        'project' as figure_kind,
        project as figure_code,
        project as figure_name,
        case when phase = 'budget' then budget_yuan else executed_yuan end as amount_yuan,
        null as fund_scope
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

preferences as (
    select * from core.fund_scope_preference
),

canonical as (
    select
        figures.*,
        departments.canonical_department,
        preferences.preference
    from figures
    inner join departments
        on
            figures.department = departments.department_name
            and figures.region is not distinct from departments.region
    left join preferences on figures.fund_scope = preferences.fund_scope
),

pairs as (
    select
        budget.canonical_department,
        budget.fiscal_year,
        budget.figure_kind,
        budget.figure_code,
        budget.figure_name,
        budget.amount_yuan as budgeted_yuan,
        spent.amount_yuan as spent_yuan,
        budget.document_id as budget_document_id,
        spent.document_id as final_document_id,
        budget.fund_scope,
        budget.preference
    from canonical as budget
    inner join canonical as spent
        on
            budget.canonical_department = spent.canonical_department
            and budget.fiscal_year = spent.fiscal_year
            and budget.figure_kind = spent.figure_kind
            and budget.figure_code = spent.figure_code
            and budget.fund_scope is not distinct from spent.fund_scope
    where budget.phase = 'budget' and spent.phase = 'final'
),

chosen as (
    select
        budget_document_id,
        final_document_id,
        min(preference) as preference
    from pairs
    where figure_kind = 'function_class'
    group by budget_document_id, final_document_id
),

final as (
    select
        pairs.canonical_department,
        pairs.fiscal_year,
        pairs.figure_kind,
        pairs.figure_code,
        pairs.figure_name,
        pairs.budgeted_yuan,
        pairs.spent_yuan,
        round(100 * pairs.spent_yuan / nullif(pairs.budgeted_yuan, 0), 2) as execution_rate_pct,
        pairs.budget_document_id,
        pairs.final_document_id,
        pairs.fund_scope
    from pairs
    left join chosen
        on
            pairs.budget_document_id = chosen.budget_document_id
            and pairs.final_document_id = chosen.final_document_id
    where pairs.figure_kind != 'function_class' or pairs.preference = chosen.preference
)

select * from final
