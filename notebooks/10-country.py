# %% [markdown]
# *One of 54 country pages, one per African UN member, each written from the package's data by
# the notebook `10-country`. How the page is made is at its end.*

# %% tags=["parameters", "runs-each:unga_votes.iso3"]
# Parameter: the ISO 3166 alpha-3 code of one of the 54 African UN members (data/unga_votes.csv).
iso3 = "MLI"

# %%
from analysis import (
    charts,
    comparison_charts,
    country,
    country_sources,
    country_tables,
    country_text,
    deliveries,
    events,
    load_table,
    prose,
    trips,
    un_votes,
    wagner,
)

votes = un_votes.load_votes()
iso3 = country.check_iso3(iso3, country.african_members(votes))
# the display name (headings, labels) and the name inside a sentence ("the Central African Republic")
countries = load_table("countries")
name, called = countries.set_index("iso3").loc[iso3, ["country", "in_sentence"]]
annual = load_table("sipri_africa_annual")
vintages = country.covering_vintages(annual, country.STORY_DECADE)
latest = country.covering_vintages(annual, country.LATEST)[-1]
SIPRI = f"SIPRI Arms Transfers Database ({country_text.vintage_words(latest)}); estimate by this project"
prose.say(f"# {name}")

# %% [markdown]
# ## Major arms: Russia's share and rank
#
# Russia's share of the state's imports of major arms in the story's decade and in SIPRI's
# latest five-year window, from the latest export, and where Russia ranked among its suppliers.

# %%
shares = country.shares_table(annual, iso3, [country.STORY_DECADE, country.LATEST])
decade = shares.query("period == '2012-2021' and vintage == @latest").iloc[0].to_dict()
recent = shares.query("period == '2020-2024' and vintage == @latest").iloc[0].to_dict()
# The same shares a second way: Russia's rows over all of the state's rows, by period.
mine = annual[(annual["iso3"] == iso3) & (annual["vintage"].dt.strftime("%Y-%m-%d") == latest)]
for standing in (decade, recent):
    first, last = (int(y) for y in standing["period"].split("-"))
    window = mine[mine["year"].between(first, last)]
    total = float(window["tiv_musd"].sum())
    russian = float(window.loc[window["supplier"] == "Russia", "tiv_musd"].sum())
    assert (total == 0) == (country.percent_text(standing["share_pct"]) == "no imports")
    assert total == 0 or abs(standing["share_pct"] - 100 * russian / total) < 1e-9
older = shares.query("period == '2012-2021' and vintage != @latest")
older_words = [f"{country.percent_text(s)} in {country_text.vintage_words(v)}"
               for s, v in zip(older["share_pct"], older["vintage"], strict=True)
               if country.percent_text(s) != country.percent_text(decade["share_pct"])]
prose.say(" ".join([country.share_sentence(called, decade), country.share_sentence(called, recent)])
          + (f" (For 2012-2021 the share was {'; '.join(older_words)}.)" if older_words else "")
          + f" Figures from {country_text.vintage_words(latest)}.")
# shown as the text states it (TIV to 0.1 million, shares as rounded percents); the checks above
# use the full values
country_tables.shares_display(shares)

# %%
wide = country.yearly_by_supplier(annual, iso3, latest, (2012, 2024))
ranking = country.supplier_ranking(annual, iso3, latest, (2012, 2024))
if wide.empty:
    prose.say(f"SIPRI records no major arms delivered to {called} from 2012 to 2024: there is "
              "nothing to chart.")
else:
    assert abs(wide.to_numpy().sum() - ranking["tiv_musd"].sum()) < 1e-6
    charts.show(comparison_charts.supplier_bars_chart(
        wide,
        title=country_text.supplier_title(ranking["supplier"].iloc[0], called, (2012, 2024)),
        subtitle=f"Major arms delivered to {called} per year by supplier, millions of SIPRI TIV",
        source=SIPRI, ylabel="TIV, millions",
        alt=(f"Stacked bars of {called}'s estimated imports of major arms per year from 2012 to "
             f"2024, one layer each for {', '.join(wide.columns)}. Over the period the largest "
             f"supplier was {ranking['supplier'].iloc[0]}; the most was delivered in "
             f"{wide.sum(axis=1).idxmax()}.")), "imports-by-supplier")

# %% [markdown]
# ## What Russia delivered, and Russia's share window by window
#
# The years in which SIPRI's register records Russian deliveries (from 1992, when Russia
# replaced the Soviet Union as a supplier); the deals behind Russia's deliveries from 2012 to
# 2024, weapon by weapon, from the latest export; and Russia's share in each of SIPRI's five-year
# windows from 2012-2016, in both exports. Where there are deals, their table lists them largest
# first: *Number* is the number SIPRI gives for the whole deal (marked "uncertain" where SIPRI
# does), *Delivered* the deal's delivery years from 2012 to 2024, and *TIV (m)* what it delivered
# in those years, in millions of SIPRI's trend-indicator value.

# %%
russian_years = country.russia_years(annual, iso3, latest)
assert abs(russian_years.sum() - mine.loc[mine["supplier"] == "Russia", "tiv_musd"].sum()) < 1e-6
prose.say(country_text.deliveries_sentence(called, russian_years, 1992))

# %%
russia_deals = load_table(deliveries.RUSSIA_TABLE)
deals = deliveries.deals_in(russia_deals, iso3, latest, country.DELIVERED)
summary = deliveries.deals_summary(deals)
# The stated figures a second way, from the table's per-year rows and from the annual series.
rows = russia_deals[(russia_deals["iso3"] == iso3) & (russia_deals["vintage"] == latest)
                    & russia_deals["year"].between(*country.DELIVERED)]
assert summary["deals"] == len(rows.drop_duplicates(deliveries.DEAL)) == len(deals)
in_window = russian_years[russian_years.index.to_series().between(*country.DELIVERED)]
if summary["deals"]:
    assert (summary["first_year"], summary["last_year"]) == (rows["year"].min(), rows["year"].max())
    assert abs(summary["tiv_musd"] - rows["tiv_musd"].sum()) < 1e-6
    assert abs(summary["tiv_musd"] - in_window.sum()) <= 1e-5 * max(1.0, in_window.sum())
    assert summary["uncertain"] == int(
        rows.drop_duplicates(deliveries.DEAL)["number_delivered_uncertain"].sum())
    assert len(summary["kinds"]) == rows["weapon_category"].nunique()
else:
    assert rows.empty and in_window.empty
if summary["deals"] or not russian_years.empty:  # none ever: the sentence above says so
    prose.say(country_text.deals_sentence(called, summary, country.DELIVERED))
deliveries.deals_display(deals) if summary["deals"] else None

# %%
windows = country.shares_table(annual, iso3, country.WINDOWS)
by_window = windows.pivot(index="period", columns="vintage", values="share_pct").rename(
    columns=country_text.vintage_words)
if (windows["russia_tiv_musd"] > 0).any():
    charts.show(charts.line_chart(
        by_window, highlight=country_text.vintage_words(latest),
        title=f"Russia's share of {called}'s major arms, SIPRI's five-year windows",
        subtitle="Russia's TIV as % of all major arms delivered in each window, by SIPRI export",
        source=SIPRI, ylabel="% of the state's imports",
        top_at_least=10,  # a share of a few tenths of a percent is not stretched over the axis
        alt=(f"Line chart of Russia's share of {called}'s major-arms imports in each five-year "
             f"window from 2012-2016 to 2020-2024, one line per SIPRI export: "
             + "; ".join(f"{p} {country.percent_text(s)}" for p, s in
                         by_window[country_text.vintage_words(latest)].items())
             + ". A gap is a window with no imports.")), "russia-share-by-window")
else:
    prose.say(f"Russia delivered no major arms to {called} in any window from 2012-2016 to "
              "2020-2024, so there is no share to chart.")

# %% [markdown]
# ## Wagner
#
# What the project's table of Wagner deployments records for the state: status, date first
# reported, activities, when it ended and who took over, how far its status is sourced, the
# abuses documented and by whom, with sources; and when Russia's Africa Corps arrived, where the
# tables record it.

# %%
deployments = wagner.load_wagner()
record = country.wagner_record(deployments, iso3)
assert record is None or record["iso3"] == iso3
# Africa Corps' arrivals in the state (a Wagner row's successor, or a deployment event)
dated_events = events.load_events()
corps_days = wagner.africa_corps_arrivals(wagner.host_spans(deployments, dated_events), iso3)
prose.say(country_text.wagner_paragraph(called, record, corps_days))

# %% [markdown]
# ## The UN votes on the invasion of Ukraine
#
# The state's vote on each of the General Assembly's resolutions of the eleventh emergency
# special session, beside how many of Africa's 54 members and of the UN's 193 voted for it.

# %%
resolutions = load_table("unga_resolutions")
vote_table = country.vote_comparison(votes, resolutions, iso3)
assert (vote_table.filter(like="africa_").sum(axis=1) == 54).all()
record_votes = un_votes.country_record(votes, iso3)["vote"].astype(str).tolist()
assert vote_table["vote"].tolist() == record_votes
prose.say(country_text.votes_paragraph(called, vote_table))
country_tables.votes_display(vote_table)

# %% [markdown]
# ## Lavrov's visits and the state's dated events

# %%
lavrov = trips.load_trips(through=None)  # every trip, before and after the story
stops = country.visits(lavrov, iso3)
assert len(stops) == int((lavrov["iso3"] == iso3).sum())
prose.say(country_text.visits_sentence(called, stops, lavrov))
dated = country.events_of(dated_events, iso3)
prose.say(country_text.events_sentence(called, len(dated)))
dated[["date", "category", "description"]] if len(dated) else None

# %% [markdown]
# ## The story's claims that name the state
#
# Each links to its entry in the fact-check ledger, with the verdict and the rows behind it.

# %%
claims = load_table("claims")
named = country.claims_naming(claims, countries, iso3)
prose.say(country_text.claims_list(called, named))
# The sources this page ends with: those of the rows above about the state, and the tables it
# counts over as a whole (Africa's and the world's tallies, Lavrov's trips), linked instead.
read = {"sipri_africa_annual": annual, "sipri_africa_russia": russia_deals,
        "countries": countries, "wagner_deployments": deployments, "unga_votes": votes,
        "unga_resolutions": resolutions, "lavrov_trips": lavrov, "events": dated_events,
        "claims": claims}
assert set(read) == set(country_sources.PAGE_TABLES)
cites = {**country_sources.page_citations(read, iso3), "subject": called}
shown_ids = [*votes.loc[votes["iso3"] == iso3, "source_ids"], *stops["source_ids"],
             *([record["source_ids"]] if record is not None else []), *dated["source_ids"]]
assert {i for ids in shown_ids for i in ids} <= set(cites["ids"])
prose.record_facts(
    cites=cites,
    iso3=iso3, country=name, vintage=latest,
    title=f"{name}: Russia's arms, Wagner, the UN votes and Lavrov's visits",
    share_2012_2021=None if decade["total_tiv_musd"] == 0 else float(decade["share_pct"]),
    share_2020_2024=None if recent["total_tiv_musd"] == 0 else float(recent["share_pct"]),
    stated_2012_2021=country.percent_text(decade["share_pct"]),
    stated_2020_2024=country.percent_text(recent["share_pct"]),
    es11_1_vote=vote_table["vote"].iloc[0], wagner=None if record is None else record["status"],
    lavrov_stops=len(stops), claims=named["claim_id"].tolist())

# %% [markdown]
# ## How this page is made
#
# **The questions.** How much of the state's major arms came from Russia, was Wagner there, how
# did it vote at the UN on the invasion of Ukraine, and did Lavrov come? Answered above, in words
# computed from the data: Russia's share of its major-arms imports in the story's decade (2012-2021) and in SIPRI's
# latest five-year window (2020-2024), and Russia's rank among its suppliers; the years Russia
# delivered and what, deal by deal, from 2012 to 2024; Wagner's reported presence and the abuses documented there; its vote on each UN
# General Assembly resolution on the invasion of Ukraine beside Africa's and the world's;
# Lavrov's stops there; its dated events; and the story's claims that name it. The committed copy
# is Mali's; `make report` runs this notebook once for each of Africa's 54 UN members and
# publishes one page per state, reached from the index's tile map.
#
# **Data.** `data/derived/sipri_africa_annual.csv` (SIPRI's register, both export vintages,
# supplier x recipient x year, made by `make data`); `data/derived/sipri_africa_russia.csv`
# (Russia's deliveries deal by deal, same register; the page shows the latest export's);
# `data/wagner_deployments.csv`;
# `data/unga_votes.csv` and `data/unga_resolutions.csv`; `data/lavrov_trips.csv`;
# `data/events.csv`; `data/claims.csv`. Every row cites its sources: those of the rows about
# the state are listed at the end; where the page counts over every state (Africa's and the
# world's tallies of a vote, the number of Lavrov's trips), the end links the table instead.
#
# **Definitions.** A *share* is Russia's TIV (SIPRI's trend-indicator value, a volume of major
# arms, not money) over all suppliers' TIV to the state in the period, both ends included,
# unknown suppliers in the denominator; arms delivered to an armed group on the state's territory
# count there. The yearly split is an estimate: each deal is spread evenly over its delivery
# years. A *deal* is one line of SIPRI's register; its number delivered is the whole deal's
# (some deals began delivering before 2012), "(uncertain)" where SIPRI marks it with "?". A
# period is computed only from the exports that cover its last year: 2020-2024 from the
# export of 13 March 2025 alone. A state with no recorded imports has no share, not 0%.
#
# **Rerun.** `make report` runs every state; `make notebooks` re-executes this copy (Mali).
# `src/analysis/subjects/country.py` and `deliveries.py` hold the computations, `country_text.py`
# the sentences and `country_tables.py` the tables as shown.
