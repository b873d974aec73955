package dev.ocpha.lab.standins;

import java.util.List;

/**
 * A container of an image the lab does not model: an OceanBase image (its program {@code observer}, or
 * oceanbase/docker-images' {@code /root/boot/start.sh}), whose environment no public document gives — the lab models
 * OceanBase only as its RPMs and observer's documented command line — or any image other than OCP's and OAT's. So, as
 * with a real image whose entrypoint does not exist, the container exits (1) at its start and {@code docker logs} says
 * why in one line.
 */
record UnmodelledImage(HostRuntime host, Container container) implements ContainerProcess {
    @Override
    public List<Integer> ports() {
        return List.of();
    }

    @Override
    public void start() {
        host.docker().exited(container, 1, "lab: the image " + container.image + " is not modelled by the lab (it models"
                + " OCP's and OAT's images, and OceanBase only as its RPMs and observer's command line), so its container"
                + " exits");
    }

    @Override
    public void stop() {
        // nothing runs
    }

    @Override
    public String processLine() {
        return null;
    }
}
