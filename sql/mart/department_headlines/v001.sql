-- mart.department_headlines: one row per department × fiscal year × phase, headline figures as columns.
with

documents as (
    select * from etl.documents
    where is_current and loaded_at is not null
),

departments as (
    select * from core.department_identity
),

items as (
    select
        facts.document_id,
        classes.class_code as item,
        facts.amount_yuan
    from core.fact_summary_item as facts
    inner join core.dim_expenditure_class as classes on facts.class_id = classes.class_id
),

three as (
    select
        facts.document_id,
        classes.class_code as category,
        facts.amount_yuan
    from core.fact_three_public as facts
    inner join core.dim_expenditure_class as classes on facts.class_id = classes.class_id
),

projects as (
    select
        document_id,
        count(*) as project_count,
        sum(budget_yuan) as project_budget_yuan,
        sum(executed_yuan) as project_executed_yuan,
        round(avg(completion_pct), 2) as project_mean_completion_pct
    from core.fact_project
    group by document_id
),

pivoted as (
    select
        documents.document_id,
        max(items.amount_yuan) filter (where items.item = 'expense_total') as expense_total_yuan,
        max(items.amount_yuan) filter (where items.item = 'expense_basic') as expense_basic_yuan,
        max(items.amount_yuan) filter (where items.item = 'expense_project') as expense_project_yuan,
        max(items.amount_yuan) filter (where items.item = 'basic_personnel') as personnel_yuan,
        max(items.amount_yuan) filter (where items.item = 'basic_public_funds') as public_funds_yuan,
        max(items.amount_yuan) filter (where items.item = 'operating_cost') as operating_cost_yuan,
        max(items.amount_yuan) filter (where items.item = 'procurement_total') as procurement_yuan
    from documents
    left join items on documents.document_id = items.document_id
    group by documents.document_id
),

three_pivoted as (
    select
        document_id,
        max(amount_yuan) filter (where category = 'three_public_total') as three_public_total_yuan,
        max(amount_yuan) filter (where category = 'outbound_travel') as outbound_travel_yuan,
        max(amount_yuan) filter (where category = 'official_vehicles') as official_vehicles_yuan,
        max(amount_yuan) filter (where category = 'official_reception') as official_reception_yuan
    from three
    group by document_id
),

final as (
    select
        departments.canonical_department,
        departments.department_name as department,
        departments.region,
        documents.fiscal_year,
        documents.phase,
        pivoted.expense_total_yuan,
        pivoted.expense_basic_yuan,
        pivoted.expense_project_yuan,
        pivoted.personnel_yuan,
        pivoted.public_funds_yuan,
        three_pivoted.three_public_total_yuan,
        three_pivoted.outbound_travel_yuan,
        three_pivoted.official_vehicles_yuan,
        three_pivoted.official_reception_yuan,
        pivoted.operating_cost_yuan,
        pivoted.procurement_yuan,
        coalesce(projects.project_count, 0) as project_count,
        projects.project_budget_yuan,
        projects.project_executed_yuan,
        projects.project_mean_completion_pct,
        documents.finding_count,
        documents.document_id
    from documents
    inner join departments on documents.department_id = departments.department_id
    left join pivoted on documents.document_id = pivoted.document_id
    left join three_pivoted on documents.document_id = three_pivoted.document_id
    left join projects on documents.document_id = projects.document_id
)

select * from final
