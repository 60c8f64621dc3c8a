-- mart.project_performance: one row per project of a current report.
with

facts as (
    select * from core.fact_project
),

documents as (
    select * from etl.documents
    where is_current
),

departments as (
    select * from core.dim_department
),

projects as (
    select * from core.dim_project
),

final as (
    select
        departments.department_name as department,
        nullif(departments.region_name, '') as region,
        facts.fiscal_year,
        facts.phase,
        projects.project_name as project,
        facts.budget_yuan,
        facts.executed_yuan,
        facts.completion_pct,
        facts.document_id,
        facts.evidence,
        facts.line_number,
        facts.score,
        facts.page_number,
        facts.table_number,
        facts.row_number
    from facts
    inner join documents on facts.document_id = documents.document_id
    inner join projects on facts.project_id = projects.project_id
    left join departments on facts.department_id = departments.department_id
)

select * from final
