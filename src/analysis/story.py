"""The story this package examines, as the code needs it: its date, its id in
``data/sources.csv``, and the home Lavrov's tours start from. A newsroom reusing the package for
another story starts here.
"""

import pandas as pd

# The NYT story's publication date (data/sources.csv, nyt-2023-02-06), a Monday.
STORY_DATE = pd.Timestamp("2023-02-06")
STORY_SOURCE_ID = "nyt-2023-02-06"

# Central Moscow (Red Square), decimal degrees, approximate. Used only as the ASSUMED start and
# end of every tour: the sources give the African stops, not where each flight began or ended.
MOSCOW_LAT = 55.7558
MOSCOW_LON = 37.6173
