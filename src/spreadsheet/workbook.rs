//! The XLSX workbook: a sheet of programs as a person reads them (translated heads and values) and a
//! summary sheet with the metrics of the overview.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::format::{Dataset, Dimension, Program, Status};
use crate::i18n::{Key, Lang};
use crate::metrics::Overview;

use super::COLUMNS;

/// The workbook's bytes. `generated_on` is today's date, `YYYY-MM-DD`.
pub fn to_xlsx(dataset: &Dataset, lang: Lang, generated_on: &str) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    programs_sheet(workbook.add_worksheet(), dataset, lang, &bold)?;
    summary_sheet(workbook.add_worksheet(), dataset, lang, generated_on, &bold)?;
    workbook.save_to_buffer()
}

fn programs_sheet(sheet: &mut Worksheet, dataset: &Dataset, lang: Lang, bold: &Format) -> Result<(), XlsxError> {
    sheet.set_name(lang.t(Key::SheetPrograms))?;
    for (col, (code, _)) in COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, lang.field(code), bold)?;
        sheet.set_column_width(col as u16, if *code == "name" { 50 } else { 16 })?;
    }
    for (i, program) in dataset.programs.iter().enumerate() {
        let row = i as u32 + 1;
        for (col, (code, _)) in COLUMNS.iter().enumerate() {
            write_field(sheet, row, col as u16, program, code, dataset, lang)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, dataset.programs.len() as u32, COLUMNS.len() as u16 - 1)?;
    Ok(())
}

fn write_field(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    program: &Program,
    code: &str,
    dataset: &Dataset,
    lang: Lang,
) -> Result<(), XlsxError> {
    let text = |sheet: &mut Worksheet, value: &str| sheet.write_string(row, col, value).map(|_| ());
    let number = |sheet: &mut Worksheet, value: Option<i64>| match value {
        Some(n) => sheet.write_number(row, col, n as f64).map(|_| ()),
        None => Ok(()),
    };
    let yes_no = |sheet: &mut Worksheet, value: Option<bool>| match value {
        Some(b) => sheet.write_string(row, col, lang.yes_no(b)).map(|_| ()),
        None => Ok(()),
    };
    match code {
        "id" => text(sheet, &program.id),
        "name" => text(sheet, &program.name),
        "dimension" => text(sheet, lang.dimension(program.dimension)),
        "subdimension" => program.subdimension.map_or(Ok(()), |s| text(sheet, lang.subdimension(s))),
        "status" => text(sheet, lang.status(program.status)),
        "agency" => program
            .agency
            .as_deref()
            .map_or(Ok(()), |id| text(sheet, dataset.agency(id).map_or(id, |a| a.name.as_str()))),
        "quick_win" => yes_no(sheet, Some(program.quick_win)),
        "horizon" => program.horizon.map_or(Ok(()), |h| text(sheet, lang.horizon(h))),
        "start_year" => number(sheet, program.start_year.map(i64::from)),
        "target_year" => number(sheet, program.target_year.map(i64::from)),
        "progress" => number(sheet, program.progress),
        "budget_planned" => number(sheet, program.budget_planned),
        "budget_realized" => number(sheet, program.budget_realized),
        "rpjmd" => yes_no(sheet, program.rpjmd),
        "renstra" => yes_no(sheet, program.renstra),
        "postponed_to" => number(sheet, program.postponed_to.map(i64::from)),
        "delay_reason" => program.delay_reason.as_deref().map_or(Ok(()), |t| text(sheet, t)),
        "apps" => text(sheet, &program.apps.join("; ")),
        "evidence" => text(sheet, &program.evidence.join("; ")),
        "notes" => program.notes.as_deref().map_or(Ok(()), |t| text(sheet, t)),
        _ => Ok(()),
    }
}

fn summary_sheet(
    sheet: &mut Worksheet,
    dataset: &Dataset,
    lang: Lang,
    generated_on: &str,
    bold: &Format,
) -> Result<(), XlsxError> {
    let percent = Format::new().set_num_format("0.00%");
    let overview = Overview::of(dataset);
    sheet.set_name(lang.t(Key::SheetSummary))?;
    sheet.set_column_width(0, 34)?;
    sheet.set_column_width(1, 18)?;
    sheet.write_string_with_format(0, 0, lang.t(Key::SummaryTitle), bold)?;
    let facts = [
        (lang.field("city"), dataset.plan.city.clone()),
        (lang.field("title"), dataset.plan.title.clone().unwrap_or_default()),
        (lang.t(Key::SummaryGenerated), lang.date(generated_on)),
    ];
    for (i, (label, value)) in facts.iter().enumerate() {
        sheet.write_string(i as u32 + 1, 0, *label)?;
        sheet.write_string(i as u32 + 1, 1, value)?;
    }

    let mut row = 5;
    sheet.write_string_with_format(row, 0, lang.field("status"), bold)?;
    sheet.write_string_with_format(row, 1, lang.t(Key::SummaryCount), bold)?;
    sheet.write_string_with_format(row, 2, lang.t(Key::SummaryShare), bold)?;
    for status in Status::ALL {
        row += 1;
        sheet.write_string(row, 0, lang.status(status))?;
        sheet.write_number(row, 1, overview.counts.get(status) as f64)?;
        sheet.write_number_with_format(row, 2, overview.shares.get(status).as_fraction(), &percent)?;
    }
    row += 1;
    sheet.write_string_with_format(row, 0, lang.t(Key::SummaryTotal), bold)?;
    sheet.write_number_with_format(row, 1, overview.programs as f64, bold)?;

    row += 2;
    sheet.write_string_with_format(row, 0, lang.field("dimension"), bold)?;
    for (i, status) in Status::ALL.iter().enumerate() {
        sheet.write_string_with_format(row, i as u16 + 1, lang.status(*status), bold)?;
        sheet.set_column_width(i as u16 + 1, 18)?;
    }
    sheet.write_string_with_format(row, Status::ALL.len() as u16 + 1, lang.t(Key::SummaryTotal), bold)?;
    for (dimension, counts) in &overview.by_dimension {
        row += 1;
        sheet.write_string(row, 0, lang.dimension(*dimension))?;
        for (i, status) in Status::ALL.iter().enumerate() {
            sheet.write_number(row, i as u16 + 1, counts.get(*status) as f64)?;
        }
        sheet.write_number(row, Status::ALL.len() as u16 + 1, counts.total() as f64)?;
    }
    debug_assert_eq!(overview.by_dimension.len(), Dimension::ALL.len());
    Ok(())
}
