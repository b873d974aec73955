CREATE TABLE ocp_cluster (
    id            BIGSERIAL PRIMARY KEY,
    deployment_id UUID NOT NULL,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL,
    UNIQUE (deployment_id, name)
);

CREATE TABLE ocp_node (
    id            BIGSERIAL PRIMARY KEY,
    deployment_id UUID        NOT NULL,
    cluster       TEXT        NOT NULL,
    host          TEXT        NOT NULL,
    address       TEXT        NOT NULL,
    az            TEXT,
    status        TEXT        NOT NULL,
    registered_at TIMESTAMPTZ,
    UNIQUE (deployment_id, host)
);

-- The planned steps of each OCP node, and the steps known to have succeeded (facts may arrive in any order).
CREATE TABLE node_step (
    deployment_id UUID NOT NULL,
    host          TEXT NOT NULL,
    step_id       TEXT NOT NULL,
    PRIMARY KEY (deployment_id, step_id)
);
CREATE TABLE step_success (
    deployment_id UUID NOT NULL,
    host          TEXT NOT NULL,
    step_id       TEXT NOT NULL,
    PRIMARY KEY (deployment_id, step_id)
);
