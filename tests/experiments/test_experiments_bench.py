"""The benchmark's table, and the decision-boundary grid's memory budget."""

from experiments import bench


def test_table_reports_both_sides_and_their_ratios():
    side = {"min": 2.0, "median": 2.5, "cpu_min": 1.5}
    figures = {
        "a_stacked_lr_sweep_25_models_process_s": side,
        "b_one_model_loop_5_models_process_s": {"min": 4.0, "median": 5.0, "cpu_min": 3.0},
        "repeats": 5,
        "experiment_run_s": {"ch01-baseline/default": 1.25},
        "boundary_grid_peak_mib": 20.0,
    }
    lines = bench.table(figures).splitlines()
    assert "5 fresh processes each" in lines[0]
    ratios = {line[:58].strip(): line[58:].strip() for line in lines if line.startswith("(a)/(b)")}
    assert ratios == {"(a)/(b), min": "0.50", "(a)/(b), median": "0.50", "(a)/(b), CPU time (min)": "0.50"}
    assert any(line.startswith("run ch01-baseline/default") and line.endswith("1.25 s") for line in lines)


def test_decision_boundary_grid_needs_well_under_200_mb():
    assert bench.boundary_peak_bytes() < 50 * 2**20
