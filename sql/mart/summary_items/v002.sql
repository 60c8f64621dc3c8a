-- mart.summary_items: one row per summary figure of a current report.
with

facts as (
    select * from core.fact_summary_item
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
    where class_kind = 'summary_item'
),

final as (
    select
        departments.department_name as department,
        nullif(departments.region_name, '') as region,
        facts.fiscal_year,
        facts.phase,
        classes.class_code as item,
        classes.class_name as item_label,
        facts.amount_yuan,
        facts.budget_yuan,
        facts.share_pct,
        facts.completion_pct,
        facts.prior_year_change_yuan,
        facts.prior_year_change_pct,
        facts.document_id,
        facts.evidence,
        facts.line_number,
        facts.item_label as printed_label,
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
