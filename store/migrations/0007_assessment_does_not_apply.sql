-- An eligibility outcome the person says does not apply to them (caring
-- for a child, for someone with no children): answered, and left out.
ALTER TABLE assessment_answers ADD COLUMN does_not_apply INTEGER NOT NULL DEFAULT 0;
