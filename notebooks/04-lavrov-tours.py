# %% [markdown]
# # Lavrov's three Africa tours: where did he go, how often, and what do the hosts have in common?
#
# **Answer.** Between 23 July 2022 and 9 February 2023 Sergey Lavrov made three tours of four stops
# each (eleven African countries and Iraq), at least 14 days on the road and about 26,000 km
# between stops,
# about 55,000 km if every tour began and ended in Moscow. The third tour began 197 days (about six
# and a half months) after the first, so the story's "third trip to Africa in about six months"
# (paragraph 1) holds as a round number. Few hosts depend on Russian arms: in 2017-21 Russia was the
# largest supplier of four of them and sold more than half of the imports of only one (Angola); two
# (Mali and Sudan) had a confirmed Wagner deployment in the reporting on the story's date, both on
# the third tour.
#
# **Data.** `lavrov_trips` (one row per stop; dates as reported, sources per row, and a note where
# they disagree), `sipri_africa_annual` and `sipri_recipients` (derived from SIPRI's Trade Register,
# latest export), `wagner_deployments`, `events` and `countries`, all read through
# `data/datapackage.json`; country shapes from Natural Earth 1:110m. Distances are great-circle
# kilometres between city centres on a sphere of radius 6,371 km: a lower bound on the distance
# flown. Nothing is read from the network.
#
# **Rerun.** `make report` executes this notebook; `make test` re-checks every number stated here
# (nbval). The story is cited by paragraph, headline = paragraph 0.

# %%
from analysis import arms, charts, geo, load_table, trip_charts, trip_countries, trips
from analysis.events import load_events
from analysis.wagner import load_wagner

itinerary = trips.load_trips()
annual = load_table("sipri_africa_annual")
recipients = load_table("sipri_recipients")
countries = load_table("countries")
wagner = load_wagner()
events = load_events()
african = countries.loc[countries["continent"] == "africa", "iso3"]
TRIP_SOURCE = "Lavrov's itinerary from news agencies and ministries, cited per stop"
arms.vintages(annual)

# %% [markdown]
# ## Three tours of four stops, at least 14 days on the road
#
# Each tour had four stops in four countries: twelve countries in all, eleven of them African (Iraq
# opened the third tour). The first tour took five days, 23 to 27 July 2022 (his departure from
# Addis Ababa is not reported, so five is a minimum), the second four, 23 to 26 January 2023, and
# the third five, 5 to 9 February 2023: 14 days in all, at least. Counted as calendar days, local
# time, both ends included.

# %%
# NBVAL_CHECK_OUTPUT
summary = trips.summarise_trips(itinerary)
assert summary["stops"].tolist() == [4, 4, 4]
assert summary["days_on_road"].tolist() == [5, 4, 5]
assert summary["days_on_road"].sum() == 14
assert summary["first_day"].dt.strftime("%d %b %Y").tolist() == [
    "23 Jul 2022", "23 Jan 2023", "05 Feb 2023"]
assert summary["last_day"].dt.strftime("%d %b %Y").tolist() == [
    "27 Jul 2022", "26 Jan 2023", "09 Feb 2023"]
assert summary["last_departure_known"].tolist() == [False, True, True]
assert itinerary["iso3"].nunique() == 12
assert itinerary.loc[itinerary["iso3"].isin(african), "iso3"].nunique() == 11
summary

# %% [markdown]
# ## About 26,000 km between stops, about 55,000 km with the flights from and back to Moscow
#
# Great-circle distances between consecutive stops add up to about 6,900 km on the first tour, 7,000
# km on the second and 12,000 km on the third, whose Baghdad-to-Bamako leg, about 5,800 km, is the
# longest between two stops. The sources give the stops, not where each flight began or ended.
# **Assuming** that every tour started and ended in Moscow adds about 28,700 km, for about 55,000 km
# in all. The assumption is weakest for the second tour: its published programme had Lavrov flying
# home from Angola, and he went on to Eritrea instead.

# %%
# NBVAL_CHECK_OUTPUT
legs = trips.leg_distances(itinerary)
distances = trips.tour_distances(itinerary)
longest = legs[~legs["assumed_moscow"]].sort_values("distance_km").iloc[-1]
assert distances["within_tour_km"].round(-2).tolist() == [6900, 7000, 12000]
assert round(distances["within_tour_km"].sum(), -3) == 26000
assert round(distances["moscow_legs_km"].sum(), -2) == 28700
assert round(distances["distance_km"].sum(), -3) == 55000
assert (longest["from_city"], longest["to_city"]) == ("Baghdad", "Bamako")
assert round(longest["distance_km"], -2) == 5800
assert round(trips.EARTH_RADIUS_KM) == 6371
distances.round()

# %% [markdown]
# ## The third tour began six and a half months after the first
#
# The story (paragraph 1) calls the Mali visit Lavrov's "third trip to Africa in about six months".
# From the first day of the first tour (23 July 2022, Cairo) to the first day of the third (5
# February 2023, Baghdad) is 197 days, about 6.5 months; to the third tour's first African stop
# (Bamako, 7 February) it is 199 days, also about 6.5 months. The second tour began 184 days (6.0
# months) after the first, and the third only 13 days after the second. "About six months" is a fair
# round number; "six and a half" would be closer. Months are days / 30.44.

# %%
# NBVAL_CHECK_OUTPUT
intervals = trips.tour_intervals(itinerary)
africa_only = trips.tour_intervals(itinerary[itinerary["iso3"].isin(african)])
assert intervals["days_since_previous"].dropna().tolist() == [184, 13]
assert intervals["days_since_first"].tolist() == [0, 184, 197]
assert [round(m, 1) for m in intervals["months_since_first"]] == [0.0, 6.0, 6.5]
assert africa_only["days_since_first"].iloc[-1] == 199
assert round(africa_only["months_since_first"].iloc[-1], 1) == 6.5
assert africa_only["start"].iloc[-1].strftime("%d %b") == "07 Feb"
assert trips.DAYS_PER_MONTH == 30.44
intervals.set_index(["trip", "start"]).round(1)

# %% [markdown]
# ## Where the sources and the story disagree
#
# * **Iraq.** The story (paragraph 3) says Lavrov "visited Iraq on Sunday". He landed in Baghdad late
#   on Sunday 5 February; his talks with the foreign minister, the prime minister, the president and
#   the speaker were on Monday 6 February. The data keep both dates.
# * **Mali.** The story expected him on Monday (paragraph 1) and, citing Mali's foreign ministry,
#   described a two-day visit (paragraph 2). He landed at about 01:30 on Tuesday 7 February and left
#   for Nouakchott the same day, as AFP had said he would (a stay of under 24 hours). Arrival and
#   departure are both recorded on 7 February.
# * **Smaller disputes**, kept at medium confidence: the arrival in Eswatini (late 23 January, or 24
#   January) and in Sudan (late 8 February, or 9 February), where the data keep the earlier date,
#   and where in Eritrea he met the president. Each row's `notes` say which source says what.

# %%
# NBVAL_CHECK_OUTPUT
by_city = itinerary.set_index("city")
baghdad, bamako = by_city.loc["Baghdad"], by_city.loc["Bamako"]
assert baghdad["arrival_date"].strftime("%A %d %b") == "Sunday 05 Feb"
assert baghdad["talks_date"].strftime("%A %d %b") == "Monday 06 Feb"
assert bamako["arrival_date"].strftime("%A %d %b") == "Tuesday 07 Feb"
assert bamako["arrival_date"] == bamako["departure_date"]
medium = itinerary.loc[itinerary["confidence"] == "medium", "city"].tolist()
assert medium == ["Mbabane", "Massawa", "Khartoum"]
disputed = by_city.loc[["Baghdad", "Bamako", *medium],
                       ["arrival_date", "talks_date", "departure_date", "confidence"]]
disputed.assign(arrival_day=disputed["arrival_date"].dt.day_name())

# %% [markdown]
# ## The route map
#
# The first tour ran from Cairo through Central and East Africa to Addis Ababa; the second from
# southern Africa across the continent to Eritrea; the third from Baghdad to the Sahel and back east
# to Khartoum. Arcs are great circles between consecutive stops; the dotted arcs to Moscow are the
# assumed legs, not sourced.

# %%
km = distances["within_tour_km"].round(-2).tolist()  # tours 1-3, as the text above says
charts.show(trip_charts.route_map(
    itinerary, legs, shapes=geo.load_shapes(),
    title="Three tours took Lavrov to eleven African countries and Iraq",
    subtitle="Sergey Lavrov's stops, July 2022 to February 2023: arrival to departure (or talks) day",
    source=f"{TRIP_SOURCE}; map: Natural Earth 1:110m",
    alt=("Map of Africa and the Middle East with Lavrov's three tours. Tour 1, 23 to 27 July "
         "2022: Cairo, Oyo (Republic of the Congo), Entebbe, Addis Ababa, about "
         f"{km[0]:,.0f} km between stops. Tour 2, 23 to 26 January 2023: Pretoria, Mbabane, "
         f"Luanda, Massawa, about {km[1]:,.0f} km. Tour 3, 5 to 9 February 2023: Baghdad, "
         f"Bamako, Nouakchott, Khartoum, about {km[2]:,.0f} km. Faint dotted lines show the "
         "assumed flights from and back to Moscow.")));

# %% [markdown]
# ## The January and February tours were 13 days apart, amid the story's other events
#
# The January tour began four days after South Africa announced the Mosi II naval exercise with
# Russia and China (the story, paragraph 5: "days after") and two days after Burkina Faso gave
# French troops a month to leave (paragraph 8). The United States designated Wagner a transnational
# criminal organisation on 26 January, the day Lavrov was in Eritrea. Mali expelled the head of the
# UN mission's human rights division on Sunday 5 February (paragraph 7), the day Lavrov landed in
# Baghdad. Filled diamonds are events the story reports; hollow ones are context from the same events
# table. Drawn are the events known to the day that fall inside the calendar's windows: each tour
# with four days either side, and the days between the two 2023 tours.

# %%
# NBVAL_CHECK_OUTPUT
on_calendar = trip_charts.calendar_events(events, trip_charts.calendar_segments(itinerary))
event_day = on_calendar.set_index("event_id")["day"]
arrival = by_city["arrival_date"]
assert (arrival["Pretoria"] - event_day["zaf-mosi-ii-announced-2023"]).days == 4
assert (arrival["Pretoria"] - event_day["bfa-french-troops-ordered-out-2023"]).days == 2
assert event_day["rus-us-tco-designation-2023"] == arrival["Massawa"]
assert event_day["mli-expulsion-hr-chief-2023"] == arrival["Baghdad"]
assert event_day["mli-expulsion-hr-chief-2023"].day_name() == "Sunday"
assert on_calendar["in_story"].sum() == 4
assert trip_charts.PAD_DAYS == 4
on_calendar[["day", "event_id", "in_story"]]

# %%
charts.show(trip_charts.tour_calendar(
    itinerary, events,
    title="Two tours 13 days apart, six months after the first",
    subtitle="Days in each country (local calendar days as reported) and dated events",
    source=f"{TRIP_SOURCE}; events from the project's sourced events table",
    alt=("Calendar of Lavrov's stops with a break between July 2022 and January 2023. Tour 1: "
         "Cairo, Oyo, Entebbe and Addis Ababa, 23 to 27 July 2022. Tour 2: Pretoria, Mbabane, "
         "Luanda and Massawa, 23 to 26 January 2023. Tour 3: Baghdad, Bamako, Nouakchott and "
         "Khartoum, 5 to 9 February 2023. Below, events from 19 January to 5 February 2023: "
         "a Russian aircraft delivery to Mali and the Mosi II announcement on 19 January, "
         "Burkina Faso's order to French troops on 21 January, the US designation of Wagner on "
         "26 January, a UN Security Council meeting on Mali on 27 January, the UN experts' call "
         "for an inquiry on 31 January and Mali's expulsion of the UN human rights chief on "
         "5 February. A vertical line marks the story's date, 6 February 2023.")));

# %% [markdown]
# ## What Russia sells to the hosts, and where Wagner is
#
# Russia's share of each host's major-arms imports over 2017-21, the last five-year period SIPRI had
# published when the story ran, and over 2012-16, from SIPRI's latest Trade Register export. Shares
# are of trend-indicator values (TIV, a measure of volume, not money) from all suppliers; the annual
# split is an estimate (see notebook 01). Egypt is included although SIPRI counts it in the Middle
# East. Iraq is not in the derived SIPRI tables, which hold African recipients and Egypt only: it
# shows "not in table", not a zero. South Africa and Eritrea are in the tables but imported no major
# arms in 2017-21 according to the register: their share has no denominator.

# %%
# NBVAL_CHECK_OUTPUT
view = trip_countries.country_view(itinerary, annual, recipients, wagner)
share = view.set_index("country")["russia_share_pct"]
before = view.set_index("country")["russia_share_before_pct"]
assert view["vintage"].unique().tolist() == arms.vintages(annual)[-1:]
assert [round(share[c]) for c in ["Angola", "Mali", "Egypt", "Ethiopia"]] == [62, 48, 41, 39]
assert round(before["Egypt"]) == 9 and round(before["Uganda"]) == 80 and share["Uganda"] == 0
assert view.set_index("country").loc["Iraq", "arms_data"] == trip_countries.NOT_IN_TABLE
assert set(view.loc[view["arms_data"] == trip_countries.NO_IMPORTS, "country"]) == {
    "South Africa", "Eritrea"}
assert view.set_index("country").loc[["Mali", "Sudan"], "wagner_first_reported"].tolist() == [
    "2021-12", "2017"]
trip_countries.country_table(view)

# %% [markdown]
# ## What the tours have in common
#
# * **The pace.** Every tour had four stops and lasted four or five days: about a country a day.
# * **Russian arms, less than "Africa's largest arms dealer" (paragraph 4) suggests.** Of the eleven
#   African hosts, nine imported major arms in 2017-21. Russia was the largest supplier of four,
#   Egypt (41%), Ethiopia (39%), Angola (62%) and Mali (48%), and its share rose in each of them from
#   2012-16. It supplied more than half of the imports of one, Angola. Its share fell in three:
#   the Republic of the Congo, Uganda (from 80% to none) and Sudan, where China was the largest
#   supplier.
# * **Wagner, on the third tour.** In the reporting as it stood on the story's date, two hosts had a
#   confirmed Wagner deployment, Mali (first reported December 2021) and Sudan (2017), both on the
#   February tour. None of the first two tours' countries appears in the Wagner table, which keeps
#   only countries with a sourced report and so undercounts. Mali is the only host where Russia was
#   the largest arms supplier and Wagner was confirmed.
# * **Both SIPRI exports agree.** The counts are the same with the October 2024 export.

# %%
# NBVAL_CHECK_OUTPUT
common = trip_countries.summarise_countries(view[view["iso3"].isin(african)])
earlier = trip_countries.summarise_countries(trip_countries.country_view(
    itinerary[itinerary["iso3"].isin(african)], annual, recipients, wagner,
    vintage=arms.vintages(annual)[0]))
assert common["n_countries"].to_dict() == {
    "countries": 11, "in_table": 11, "with_imports": 9, "russia_largest": 4,
    "russia_majority": 1, "russia_share_rose": 4, "russia_share_fell": 3,
    "wagner_confirmed": 2, "wagner_reported": 2, "russia_largest_and_wagner": 1}
assert common.loc["russia_largest", "countries"] == "Egypt; Ethiopia; Angola; Mali"
assert common.loc["russia_share_rose", "countries"] == "Egypt; Ethiopia; Angola; Mali"
assert common.loc["russia_majority", "countries"] == "Angola"
assert common.loc["russia_share_fell", "countries"] == "Republic of the Congo; Uganda; Sudan"
assert common.loc["wagner_confirmed", "countries"] == "Mali; Sudan"
assert common.loc["russia_largest_and_wagner", "countries"] == "Mali"
assert set(view.loc[view["wagner_status"] != trip_countries.WAGNER_NONE, "trip"]) == {3}
assert earlier.equals(common)
common.assign(meaning=[trip_countries.MEASURES[m] for m in common.index])

# %% [markdown]
# ## Country by country
#
# The African states this notebook discusses, each with its own page (Russia's share of its major arms, Wagner, its UN votes, Lavrov's visits and the story's claims that name it; `notebooks/10-country`): [Angola](country-AGO.html), [Burkina Faso](country-BFA.html), [Egypt](country-EGY.html), [Eritrea](country-ERI.html), [Eswatini](country-SWZ.html), [Ethiopia](country-ETH.html), [Mali](country-MLI.html), [Republic of the Congo](country-COG.html), [South Africa](country-ZAF.html), [Sudan](country-SDN.html), [Uganda](country-UGA.html).
