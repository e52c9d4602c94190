"""Turns the load-test figures into a JSON file, a Markdown table and the targets' verdicts."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
DOCS_START, DOCS_END = "<!-- bench:results:start -->", "<!-- bench:results:end -->"

TITLES = {
    "minimal": "Minimal Django view (ceiling)",
    "anonymous_catalogue": "Anonymous: catalogue",
    "anonymous_course": "Anonymous: course page",
    "anonymous_lesson": "Anonymous: lesson page",
    "learner_lesson": "Learner: lesson page",
    "learner_dashboard": "Learner: dashboard (20 enrolments)",
    "learner_complete": "Learner: mark complete (POST)",
    "learner_sync": "Learner: offline sync, 20 items a request (POST)",
    "quiz": "Quiz: start, questions, submit",
    "quiz_synchronised_start": "Quiz: 100 learners start at once (double tap)",
    "cohort_completion": "Cohort: 500 complete a course at once",
}


def title(name: str, figures: dict) -> str:
    if name.startswith("learner_journey"):
        return f"Mixed learner journey: {figures['users']:,} learners, 2–8 s reading time"
    return TITLES.get(name, name)


def data_sizes() -> dict[str, int]:
    """Rows in the tables the scenarios read, so a report says what size it ran at."""
    from django.contrib.auth import get_user_model

    from courses.models import CoursePage, Enrolment, LessonCompletion, LessonPage, QuizAttempt

    return {
        "courses": CoursePage.objects.count(),
        "lessons": LessonPage.objects.count(),
        "learners": get_user_model().objects.count(),
        "enrolments": Enrolment.objects.count(),
        "lesson_completions": LessonCompletion.objects.count(),
        "quiz_attempts": QuizAttempt.objects.count(),
    }


def fmt(value, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def one_line(figures: dict) -> str:
    latency = figures["latency_ms"]
    return (
        f"{figures['scenario']}: {figures['requests']} requests, "
        f"{fmt(figures['requests_per_second'], 1)}/s, median {fmt(latency['median'])} ms, "
        f"p95 {fmt(latency['p95'])} ms, errors {figures['failures']}, "
        f"web CPU {fmt(figures['web_cpu_ms_per_request'], 2)} ms/request"
        + (f", check {figures['check']}" if "check" in figures else "")
    )


def ceiling(results: dict) -> float | None:
    """The minimal view's requests per second."""
    minimal = results["scenarios"].get("minimal")
    return minimal["requests_per_second"] if minimal else None


def ceiling_cpu(results: dict) -> float | None:
    """The minimal view's web CPU per request: what any request costs at least."""
    minimal = results["scenarios"].get("minimal")
    return minimal["web_cpu_ms_per_request"] if minimal else None


def row(name: str, figures: dict, top: float | None, top_cpu: float | None) -> str:
    latency = figures["latency_ms"]
    share = (
        f"{100 * figures['requests_per_second'] / top:.0f}%"
        if top and figures["requests_per_second"] and name != "minimal"
        else ""
    )
    cpu_share = (
        f"{100 * top_cpu / figures['web_cpu_ms_per_request']:.0f}%"
        if top_cpu and figures["web_cpu_ms_per_request"] and name != "minimal"
        else ""
    )
    hits = figures["by_request"] and max(
        (entry["cache_hit_ratio"] or 0) for entry in figures["by_request"].values()
    )
    cells = [
        title(name, figures),
        str(figures["users"]),
        fmt(figures["requests"]),
        fmt(figures["requests_per_second"], 1),
        share,
        cpu_share,
        fmt(latency["median"]),
        fmt(latency["p95"]),
        fmt(latency["p99"]),
        f"{100 * figures['error_rate']:.2f}%",
        fmt(figures["web_cpu_ms_per_request"], 2),
        fmt(figures["queries_per_request"]["mean"], 1),
        f"{100 * hits:.0f}%" if hits else "",
    ]
    return "| " + " | ".join(cells) + " |"


def targets(results: dict) -> list[tuple[str, str, bool | None]]:
    """Each target of the capacity issue, what was measured, and whether it is met."""
    s = results["scenarios"]
    top = ceiling(results)
    verdicts: list[tuple[str, str, bool | None]] = []

    def add(label: str, measured: str, ok: bool | None) -> None:
        verdicts.append((label, measured, ok))

    errors = {name: figures["failures"] for name, figures in s.items()}
    add(
        "Zero errors in every scenario",
        ", ".join(f"{name}: {count}" for name, count in errors.items() if count) or "none",
        not any(errors.values()),
    )
    if "learner_lesson" in s:
        lesson = s["learner_lesson"]
        add(
            "Learner lesson page ≤ 5 ms CPU",
            f"{fmt(lesson['web_cpu_ms_per_request'], 2)} ms",
            lesson["web_cpu_ms_per_request"] <= 5,
        )
        add(
            "Learner lesson page p95 < 100 ms at 16 users",
            f"{fmt(lesson['latency_ms']['p95'])} ms",
            lesson["latency_ms"]["p95"] < 100,
        )
    if "learner_dashboard" in s:
        dashboard = s["learner_dashboard"]
        add(
            "Dashboard (20 enrolments) ≤ 8 ms CPU",
            f"{fmt(dashboard['web_cpu_ms_per_request'], 2)} ms",
            dashboard["web_cpu_ms_per_request"] <= 8,
        )
    for name in ("anonymous_catalogue", "anonymous_course", "anonymous_lesson"):
        if name in s and top:
            share = s[name]["requests_per_second"] / top
            add(f"{TITLES[name]} ≥ 40% of ceiling", f"{100 * share:.0f}%", share >= 0.4)
    weight = results.get("lesson_page_weight")
    if weight:
        add(
            "Lesson page under 60 KB transferred (HTML, CSS, JS, compressed)",
            f"{weight['total_kb']} KB ({weight['scripts']} scripts)",
            weight["total_kb"] < 60,
        )
    if "quiz" in s:
        submit = s["quiz"]["by_request"].get("quiz submit")
        if submit:
            add(
                "Quiz submit p95 < 250 ms",
                f"{fmt(submit['latency_ms']['p95'])} ms",
                submit["latency_ms"]["p95"] < 250,
            )
    if "quiz_synchronised_start" in s:
        check = s["quiz_synchronised_start"].get("check", {})
        add(
            "100 synchronised starts: no errors, one attempt each",
            f"{s['quiz_synchronised_start']['failures']} errors; attempts per learner: "
            f"{check.get('learners_by_attempts_made')}",
            s["quiz_synchronised_start"]["failures"] == 0 and check.get("one_attempt_each"),
        )
    if "cohort_completion" in s:
        check = s["cohort_completion"].get("check", {})
        seconds = check.get("seconds_until_all_downloadable")
        add(
            "500 certificates downloadable within 60 s",
            f"{fmt(seconds, 1)} s; {check.get('downloaded_pdfs')} of {check.get('of')} "
            "PDFs downloaded",
            seconds is not None
            and seconds <= 60
            and check.get("downloaded_pdfs") == check.get("learners"),
        )
    return verdicts


def markdown(results: dict) -> str:
    top, top_cpu = ceiling(results), ceiling_cpu(results)
    header = (
        "| Scenario | Users | Requests | Req/s | Share of ceiling | CPU share | Median ms | p95 ms "
        "| p99 ms | Errors | Web CPU ms/req | Queries/req | Cache hits |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    )
    rows = [row(name, figures, top, top_cpu) for name, figures in results["scenarios"].items()]
    machine = results.get("machine", {})
    memory = results.get("memory_peak_mb", {})
    data = results.get("data", {})
    lines = [
        f"Run finished {results.get('finished_at', '')} on {machine.get('cpus')} CPUs "
        f"({machine.get('cpu_model')}), {machine.get('memory_gb')} GB RAM, Python "
        f"{machine.get('python')}; gunicorn {results.get('web_workers')} sync workers, one "
        f"Celery worker with {results.get('celery_concurrency')} processes; whole run "
        f"{fmt(results.get('total_seconds'))} s.",
        "",
        "Data: "
        + ", ".join(f"{fmt(count)} {name.replace('_', ' ')}" for name, count in data.items())
        + ".",
        "",
        header,
        *rows,
        "",
        "Share of ceiling: requests/s as a share of the minimal view's, both driven by the same "
        "Locust process on the same machine. CPU share: the minimal view's web CPU per request "
        "divided by the page's, the share of the ceiling the page would reach if the web "
        "workers alone were the limit.",
        "",
        "Load generator (Locust, one process) CPU: "
        + ", ".join(
            f"{name} {fmt(figures['loadgen_cpu_s'], 1)} s"
            for name, figures in results["scenarios"].items()
            if name in ("minimal", "anonymous_lesson", "learner_lesson")
        )
        + " (of the same 2 CPUs the server runs on).",
        "",
        "Peak memory (resident): "
        + "; ".join(
            f"{role} {fmt(peak['total_mb'])} MB in {peak.get('processes')} processes "
            f"(largest {fmt(peak['largest_process_mb'])} MB)"
            for role, peak in memory.items()
        )
        + ".",
        "",
        "| Target | Measured | Met |",
        "|---|---|---|",
        *[
            f"| {label} | {measured} | {'yes' if ok else 'NO'} |"
            for label, measured, ok in targets(results)
        ],
    ]
    journeys = [
        (figures["users"], figures)
        for name, figures in results["scenarios"].items()
        if name.startswith("learner_journey")
    ]
    if journeys:
        carried = [
            users
            for users, figures in sorted(journeys)
            if figures["failures"] == 0 and (figures["latency_ms"]["p95"] or 0) < 1000
        ]
        lines += [
            "",
            "Mixed journey: "
            + "; ".join(
                f"{users:,} learners → {fmt(figures['requests_per_second'], 1)} requests/s, "
                f"p95 {fmt(figures['latency_ms']['p95'])} ms, {figures['failures']} errors"
                for users, figures in sorted(journeys)
            )
            + ". Carried with every request's 95th percentile under 1 s: "
            + (f"{max(carried):,} learners at once." if carried else "none of the sizes tried."),
        ]
    cohort = results["scenarios"].get("cohort_completion", {}).get("check")
    if cohort:
        lines += [
            "",
            f"Cohort: {cohort['issued']} of {cohort['learners']} certificates issued, "
            f"{fmt(cohort.get('seconds_until_all_downloadable'), 1)} s from the moment the 500 "
            f"learners pressed “Mark complete” to the last certificate issued "
            f"({fmt(cohort.get('seconds_from_last_completion'), 1)} s after the last completion "
            f"was recorded); {cohort.get('emailed')} emails sent.",
        ]
    return "\n".join(lines)


def write(results: dict, folder: Path, update_docs: bool = False) -> list[Path]:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    paths = []
    for stem in (f"results-{stamp}", "latest"):
        json_path, md_path = folder / f"{stem}.json", folder / f"{stem}.md"
        json_path.write_text(json.dumps(results, indent=2))
        md_path.write_text(markdown(results) + "\n")
        paths += [json_path, md_path]
    if update_docs and DOCS.exists():
        text = DOCS.read_text()
        block = f"{DOCS_START}\n{markdown(results)}\n{DOCS_END}"
        pattern = re.compile(re.escape(DOCS_START) + ".*?" + re.escape(DOCS_END), re.S)
        DOCS.write_text(pattern.sub(lambda _match: block, text))
        paths.append(DOCS)
    return paths
