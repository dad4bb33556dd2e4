UPDATE plans SET motion = 'sideways', review_date = 'soon', whitespace = '{"cells": 5}'; UPDATE plan_items SET kind = 'other', date = '2026-13-01', done = 3;
