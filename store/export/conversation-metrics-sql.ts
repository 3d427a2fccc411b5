/**
 * One row per call and party from the result's `metrics` (pipeline/metrics/README.md), for the
 * calls `where` selects; calls analysed without metrics have none. Read by the export and by the
 * agent figures.
 */
export function conversationMetricsSql(where: string): string {
  const number = (path: string, column: string) => `CAST(${path} AS DOUBLE) AS ${column}`;
  return `SELECT call_id, agent_id, party->>'party' AS party, CAST(party->>'channel' AS INTEGER) AS channel,
    ${number("party->>'speech_s'", 'speech_s')},
    ${number("party->'talk_speed'->>'words_per_minute'", 'words_per_minute')},
    ${number("party->'talk_speed'->>'syllables_per_s'", 'syllables_per_s')},
    party->'talk_speed'->>'measured_by' AS talk_speed_measured_by,
    ${number("party->'talk_speed'->>'fast_share'", 'fast_share')},
    CAST(party->'talk_speed'->>'too_fast' AS BOOLEAN) AS too_fast,
    ${number("party->'monologue'->>'longest_s'", 'longest_monologue_s')},
    ${number("party->'monologue'->>'over_threshold_s'", 'monologue_over_threshold_s')},
    ${number("party->'monologue'->>'call_share'", 'monologue_call_share')},
    ${number("party->'loudness'->>'speech_dbfs'", 'speech_dbfs')},
    CAST(json_array_length(party->'loudness'->'raised_voice') AS INTEGER) AS raised_voice_count,
    ${number("party->'pitch'->>'median_hz'", 'pitch_median_hz')},
    ${number("party->'pitch'->>'range_st'", 'pitch_range_st')},
    ${number("party->'pitch'->>'monotony_st'", 'pitch_monotony_st')},
    ${number("result_json->'metrics'->'non_talk'->>'total_s'", 'call_non_talk_s')}
  FROM calls, UNNEST(CAST(result_json->'metrics'->'parties' AS JSON[])) AS parties(party)
  WHERE ${where}`;
}

