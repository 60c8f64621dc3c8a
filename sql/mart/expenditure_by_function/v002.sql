-- mart.expenditure_by_function: one row per fund scope × 类 / 款 / 项 figure of a current report.
with

facts as (
    select * from core.fact_expenditure_function
),

documents as (
    select * from etl.documents
    where is_current
),

departments as (
    select * from core.dim_department
),

final as (
    select
        departments.department_name as department,
        nullif(departments.region_name, '') as region,
        facts.fiscal_year,
        facts.phase,
        facts.class_code,
        facts.class_level,
        facts.class_name,
        facts.kuan_name,
        facts.xiang_name,
        facts.amount_yuan,
        facts.budget_yuan,
        facts.completion_pct,
        facts.share_pct,
        facts.document_id,
        facts.evidence,
        facts.line_number,
        facts.fund_scope,
        facts.basic_yuan,
        facts.project_yuan,
        facts.prior_year_yuan,
        facts.prior_year_change_yuan,
        facts.prior_year_change_pct,
        facts.page_number,
        facts.table_number,
        facts.row_number
    from facts
    inner join documents on facts.document_id = documents.document_id
    left join departments on facts.department_id = departments.department_id
)

select * from final
