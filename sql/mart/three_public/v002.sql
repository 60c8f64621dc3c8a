-- mart.three_public: one row per 三公经费 figure (total, category or part) of a current report.
with

facts as (
    select * from core.fact_three_public
),

documents as (
    select * from etl.documents
    where is_current
),

departments as (
    select * from core.dim_department
),

classes as (
    select * from core.dim_expenditure_class
    where class_kind = 'three_public'
),

final as (
    select
        departments.department_name as department,
        nullif(departments.region_name, '') as region,
        facts.fiscal_year,
        facts.phase,
        classes.class_code as category,
        classes.class_name as category_label,
        facts.amount_yuan,
        facts.budget_yuan,
        facts.share_pct,
        facts.completion_pct,
        facts.prior_year_change_yuan,
        facts.prior_year_change_pct,
        facts.groups,
        facts.persons,
        facts.batches,
        facts.vehicles,
        facts.document_id,
        facts.evidence,
        facts.line_number,
        facts.prior_year_yuan,
        facts.page_number,
        facts.table_number,
        facts.row_number
    from facts
    inner join documents on facts.document_id = documents.document_id
    inner join classes on facts.class_id = classes.class_id
    left join departments on facts.department_id = departments.department_id
)

select * from final
