package dev.ocpha.lab.standins;

import java.util.List;

/**
 * A container of an OceanBase image (its program {@code observer}, or oceanbase/docker-images' {@code
 * /root/boot/start.sh}): the lab does not model any OceanBase image, whose environment no public document gives; it
 * models OceanBase only as its RPMs and observer's documented command line. So, as with a real image whose entrypoint
 * does not exist, the container exits (1) at its start and {@code docker logs} says why in one line.
 */
record UnmodelledImage(HostRuntime host, Container container) implements ContainerProcess {
    @Override
    public List<Integer> ports() {
        return List.of();
    }

    @Override
    public void start() {
        host.docker().exited(container, 1, "lab: the image " + container.image + " is not modelled by the lab (it models"
                + " OceanBase only as its RPMs and observer's command line), so its container exits");
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
