// The three operations a provincial dashboard runs most, as the benchmark sends them.

export const STATION_DETAIL = `query StationDetail($code: String!) {
  station(code: $code) {
    code name countyName cityName
    score {
      total rebased bonus stars eligible pendingCount cutOff
      indicators(level: 1) { code name points max }
      criteria { code points max status reason }
      blockingVetoes { kind date }
    }
    roster { established auxiliary bachelorOrAbove trainingComplianceRate }
    vetoes { kind date description }
  }
}`;

/** A lighter detail, for comparison: the profile and the headline of the score. */
export const STATION_HEADLINE = `query StationHeadline($code: String!) {
  station(code: $code) {
    code name countyName cityName
    score { total stars eligible pendingCount indicators(level: 1) { code points max } }
  }
}`;

export const PROVINCE_RANKING = `query ProvinceRanking($region: String!) {
  rankings(regionCode: $region, first: 100) { rank station { code name countyName score { total stars } } }
}`;

export const PROVINCE_SUMMARY = `query ProvinceSummary($region: String!) {
  region(code: $region) {
    name
    summary {
      stationCount scoredCount ineligibleCount averageTotal
      starCounts { stars count }
      totalDistribution { from to count }
      firstLevelAverages { code name averagePoints ratio }
      weakestIndicators(first: 5) { code name ratio }
      completeness { criteriaToAssess assessed pending ratio }
    }
  }
}`;
