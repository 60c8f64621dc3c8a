-- mart.expenditure_by_economic_class: one row per fund scope × economic class (支出经济分类 类 / 款)
-- figure of a current report, from its 基本支出 tables, with the 人员经费 and 公用经费 parts.
with

facts as (
    select * from core.fact_expenditure_economic
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
        facts.fund_scope,
        facts.class_code,
        facts.class_level,
        facts.class_name,
        facts.kuan_name,
        facts.amount_yuan,
        facts.personnel_yuan,
        facts.public_funds_yuan,
        facts.budget_yuan,
        facts.prior_year_yuan,
        facts.document_id,
        facts.evidence,
        facts.line_number,
        facts.page_number,
        facts.table_number,
        facts.row_number
    from facts
    inner join documents on facts.document_id = documents.document_id
    left join departments on facts.department_id = departments.department_id
)

select * from final
