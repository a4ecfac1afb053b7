-- Placeholder so that this branch's 010 has no gap. Another branch brings the real 009: when
-- both are merged, delete this file (the loader refuses two 009s).
SELECT 1;
