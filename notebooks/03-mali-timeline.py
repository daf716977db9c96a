# %% [markdown]
# # How did Mali turn from France to Russia, and whose arms did it get?
#
# **Answer.** After coups in August 2020 and May 2021, Mali took delivery of four Russian Mi-171
# helicopters (September 2021) and Wagner's men (December 2021), and within a year of those
# helicopters the last French troops had left (August 2022). They were not Mali's first Russian
# helicopters: SIPRI's register records Mi-35M combat helicopters delivered in 2017-2020
# (notebooks 01 and 02). Russia delivered aircraft and helicopters five times
# before Lavrov landed in Bamako on 7 February 2023, two days after Mali expelled the UN mission's
# human-rights chief. France, Mali's military partner for nine years, was never a large supplier
# of major arms: over 2012-2021 Russia delivered about eight times as much, and it became Mali's
# largest supplier in 2017-21.
#
# **Data.** `data/events.csv` (dated events, each with its sources and a confidence rating; dates
# at the precision the sources give), `data/lavrov_trips.csv` (the visit itself), and the derived
# SIPRI tables: `data/derived/sipri_africa_annual.csv` (estimated TIV delivered per year by supplier
# and recipient), `data/derived/sipri_africa_imports_exact.csv` (SIPRI's exact yearly totals,
# used to check the estimate) and Mali's rows of `data/derived/sipri_africa_russia.csv` (Russia's
# deliveries deal by deal).
#
# **Definitions.** The timeline shows the events of the categories listed in the first code cell
# (coups, French operations and withdrawal, deployments, Russian arms deliveries, the Moura
# killings, UN findings, expulsions) and Lavrov's visit; it stops at the visit, so the UN human
# rights office's report on Moura (May 2023) is left off. TIV (trend-indicator value) measures the
# volume of major arms, not money paid; the yearly split of each deal is an estimate.
#
# **Rerun.** `make report` executes this notebook; `make test` re-checks every number stated here
# (chart code: `src/analysis/charts/timelines.py`, `comparisons.py`). The story is cited by paragraph, headline =
# paragraph 0.

# %%
from analysis import (
    arms,
    charts,
    comparison_charts,
    events,
    load_table,
    timeline_charts,
    trips,
    wagner_arms,
)

categories = ["coup", "military operation", "withdrawal", "deployment", "arms delivery",
              "mass killing", "UN finding", "expulsion", timeline_charts.VISIT_CATEGORY]
mali_events = events.timeline(events.load_events(), iso3="MLI")
lavrov_trips = trips.load_trips()
story = timeline_charts.story_timeline(mali_events, lavrov_trips, "MLI", categories)
by_id = story.set_index("event_id")
visit = lavrov_trips.set_index("iso3").loc["MLI"]
SOURCE_EVENTS = ("Press, UN and government reports compiled by this project, sources listed "
                 "event by event")

# %% [markdown]
# ## Within a year of the Mi-171 helicopters of September 2021, the last French troops had left
#
# The story (paragraph 8) says the junta has drawn closer to Russia since the 2020 coup, while
# France ended its nine-year military operation in Mali last year. The dated record bears both
# out. Soldiers took power on 18 August 2020 and again on 24 May 2021. Four Russian Mi-171
# helicopters arrived on 30 September 2021, the first delivery after the coups (SIPRI's register
# already lists four Mi-35M combat helicopters delivered in 2017-2020, before them), and Wagner's
# men from December 2021. Macron announced
# the withdrawal on 17 February 2022, and the last French troops left on 15 August 2022, about
# nine and a half years after Operation Serval began in January 2013: less than a year after the
# helicopters. Between September 2021 and January 2023 Russia delivered aircraft and helicopters
# five times (the story, paragraph 2, says Russia has supplied Mali with military aircraft
# including helicopters).

# %%
assert story.loc[story["category"] == "coup", "date"].tolist() == ["2020-08-18", "2021-05-24"]
deliveries = story[story["category"] == "arms delivery"]
assert len(deliveries) == 5
assert (deliveries["date"].min(), deliveries["date"].max()) == ("2021-09-30", "2023-01-19")
assert by_id.loc["mli-wagner-arrival-2021", "date"] == "2021-12"
assert by_id.loc["mli-france-withdrawal-announced-2022", "date"] == "2022-02-17"
french_out = by_id.loc["mli-french-troops-leave-2022", "date_start"]
assert french_out.strftime("%Y-%m-%d") == "2022-08-15"
assert (french_out - deliveries["date_start"].min()).days < 365
serval = by_id.loc["mli-serval-start-2013"]
assert serval["date"] == "2013-01"
for serval_day in (serval["date_start"], serval["date_end"]):  # the day is not known
    assert round((french_out - serval_day).days / 365.25 * 2) / 2 == 9.5
mali_sipri = load_table("sipri_africa_russia").query("iso3 == 'MLI'")
before_coups = mali_sipri[(mali_sipri["weapon_category"] == "helicopters") & (mali_sipri["year"] < 2021)]
assert set(before_coups["designation"]) == {"Mi-35M"} and before_coups["year"].min() == 2017

# %% [markdown]
# ## The UN experts' call and the expulsion came in the week before Lavrov landed
#
# On 31 January 2023 UN human rights experts called for an independent inquiry into possible war
# crimes and crimes against humanity by Malian forces and Wagner (the story, paragraph 7). On
# Sunday 5 February Mali gave the head of the UN mission's human rights division 48 hours to leave
# (paragraph 7). Lavrov landed in Bamako two days later, in the early hours of Tuesday 7 February:
# the story (paragraph 1) expected him on Monday, and he left the same day, so the "two-day visit"
# the Malian foreign ministry announced (paragraph 2) lasted less than one.

# %%
expulsion = by_id.loc["mli-expulsion-hr-chief-2023", "date_start"]
un_experts = by_id.loc["mli-un-experts-2023", "date_start"]
assert expulsion.day_name() == "Sunday" and expulsion.strftime("%d %b") == "05 Feb"
assert (visit["arrival_date"] - expulsion).days == 2
assert (visit["arrival_date"] - un_experts).days == 7
assert visit["arrival_date"].day_name() == "Tuesday"
assert visit["departure_date"] == visit["arrival_date"]
assert story.iloc[-1]["category"] == timeline_charts.VISIT_CATEGORY
charts.show(timeline_charts.event_timeline_chart(
    story, categories=categories,
    reference=(events.STORY_DATE, "6 Feb 2023: the New York Times story runs"),
    title="Mali turned from France to Russia after its 2020 coup",
    subtitle="Selected events in Mali, January 2013 to Lavrov's visit on 7 Feb 2023",
    source=SOURCE_EVENTS,
    alt=("Vertical timeline of events in Mali. 2013: the UN sets up MINUSMA and France launches "
         "Operation Serval; August 2014: Barkhane takes over. No events shown for 2015 to 2019. "
         "Coups on 18 August 2020 and 24 May 2021. Russian helicopters arrive 30 September 2021 "
         "and Wagner in December 2021. 2022: the expulsion of the UN mission's spokesman; "
         "Macron announces the withdrawal on 17 February; the Moura operation starts 27 March; "
         "Russian deliveries on 30 March, 18 April and 9 August; the last French troops leave on "
         "15 August; Barkhane is declared over on 9 November. 2023: more Russian aircraft on "
         "19 January, the UN experts' statement on 31 January, the expulsion of MINUSMA's human "
         "rights chief on 5 February, the story on 6 February and Lavrov's landing in Bamako on "
         "7 February. Marker shapes give the category; hollow markers mean the date is known "
         "only to the month or year.")))

# %% [markdown]
# ## France sold Mali almost no major arms; Russia became its largest supplier
#
# Nine years of French military operations did not make France Mali's arms supplier. Over
# 2012-2021 SIPRI records about 9 million TIV of major arms delivered by France to Mali, against
# about 75 million from Russia, some eight times as much; France's last recorded delivery was in
# 2020. Russia delivered nothing in 2012-16 and was Mali's largest supplier in 2017-21, with 48%
# of its imports. The turn sped up after Wagner arrived: 2022 was the largest year of Russian
# deliveries, and 2022-24 brought almost half of everything Russia delivered to Mali from 2012.
#
# The bars are estimates: SIPRI's register gives each deal's total and its delivery years, and the
# total is spread evenly over those years. Other suppliers include deliveries SIPRI could not
# attribute (*unknown supplier(s)*).

# %%
annual = load_table("sipri_africa_annual")
vintage = arms.vintages(annual)[-1]
mali_annual = arms.of_vintage(annual, vintage)
periods = [arms.WINDOWS[0], arms.WINDOWS_BEFORE_STORY[-1], arms.STORY_PERIOD]
by_year = wagner_arms.imports_by_supplier(mali_annual, "MLI",
                                          (arms.WINDOWS[0][0], arms.WINDOWS[-1][1]))
mali_shares = wagner_arms.supplier_shares_of(mali_annual, "MLI", periods)
SOURCE_SIPRI = (f"SIPRI Arms Transfers Database, Trade Register export of {vintage}; yearly "
                "split estimated by this project")

# %%
# NBVAL_CHECK_OUTPUT
shares = mali_shares.pivot_table(index="supplier", columns="period", values="tiv_musd",
                                 fill_value=0.0)
before, after, decade = (arms.period_label(p) for p in periods)
assert round(shares.loc["France", decade]) == 9 and round(shares.loc["Russia", decade]) == 75
assert round(shares.loc["Russia", decade] / shares.loc["France", decade]) == 8
assert "Russia" not in set(mali_shares.loc[mali_shares["period"] == before, "supplier"])
top_after = mali_shares[mali_shares["period"] == after].iloc[0]
assert top_after["supplier"] == "Russia" and round(top_after["share_pct"]) == 48
assert by_year.index[by_year["France"] > 0].max() == 2020
assert by_year["Russia"].idxmax() == 2022
after_decade = by_year.index > arms.STORY_PERIOD[1]
assert 0.4 < by_year.loc[after_decade, "Russia"].sum() / by_year["Russia"].sum() < 0.5
shares.loc[["Russia", "France"], [before, after, decade]].round(1)

# %%
marks = timeline_charts.event_marks(mali_events, {
    "mli-wagner-arrival-2021": "Wagner arrives",
    "mli-french-troops-leave-2022": "last French troops leave"})
charts.show(comparison_charts.supplier_bars_chart(
    by_year, marks=marks, ylabel="TIV, millions",
    title="Russia, not France, armed Mali; deliveries peaked after Wagner came",
    subtitle="Major arms delivered to Mali per year, by supplier, millions of TIV (estimated)",
    source=SOURCE_SIPRI,
    alt=("Stacked bar chart of major arms delivered to Mali each year from 2012 to 2024 by "
         "supplier. France's bars are small, in 2013, 2016, 2017 and 2020. Russian deliveries "
         "start in 2017, recur in 2019 to 2021 and peak in 2022, after dashed lines marking "
         "Wagner's arrival in December 2021 and the last French troops leaving in August 2022; "
         "2023 is the largest year overall, much of it from other or unknown suppliers.")))

# %% [markdown]
# ### The yearly estimate against SIPRI's exact totals
#
# SIPRI publishes exact yearly totals per recipient (all suppliers together) but not per deal. For
# Mali, summed over SIPRI's five-year periods and the story's decade, our estimate is within 1.5%
# of those totals (the exact table exists for the October 2024 export only, so the check uses that
# vintage). Single years can differ more, because a deal's deliveries were not really even.

# %%
# NBVAL_CHECK_OUTPUT
exact = load_table("sipri_africa_imports_exact")
exact_vintage = arms.vintages(exact)[-1]
check = wagner_arms.estimate_check_country(arms.of_vintage(annual, exact_vintage), exact, "MLI",
                                           periods)
assert check["diff_pct"].abs().max() < 1.5
check.round(1)

# %% [markdown]
# ## Country by country
#
# The African state this notebook discusses, with its own page (Russia's share of its major arms, Wagner, its UN votes, Lavrov's visits and the story's claims that name it; `notebooks/10-country`): [Mali](country-MLI.html).
