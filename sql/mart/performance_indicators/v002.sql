-- mart.performance_indicators: one row per indicator row of a performance table of a current report.
with

facts as (
    select * from core.fact_performance_indicator
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
        facts.project_label as project,
        facts.level1,
        facts.level2,
        facts.level3,
        facts.target,
        facts.actual,
        facts.target_value,
        facts.actual_value,
        facts.unit,
        facts.comparator,
        facts.document_id,
        facts.evidence,
        facts.line_number,
        facts.weight,
        facts.score,
        facts.page_number,
        facts.table_number,
        facts.row_number
    from facts
    inner join documents on facts.document_id = documents.document_id
    left join departments on facts.department_id = departments.department_id
)

select * from final
